#include "extract/html/gzip_file.hpp"

#include "common/errors.hpp"

#include <catch2/catch.hpp>
#include <zlib.h>

using namespace newssearch::extract::html;

namespace {

std::string gzip(const std::string& text) {
    z_stream stream{};
    REQUIRE(deflateInit2(&stream, 9, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY) == Z_OK);
    std::string out(deflateBound(&stream, text.size()) + 32, '\0');
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(text.data()));
    stream.avail_in = static_cast<uInt>(text.size());
    stream.next_out = reinterpret_cast<Bytef*>(out.data());
    stream.avail_out = static_cast<uInt>(out.size());
    REQUIRE(deflate(&stream, Z_FINISH) == Z_STREAM_END);
    out.resize(stream.total_out);
    deflateEnd(&stream);
    return out;
}

} // namespace

TEST_CASE("gzip data is recognised and inflated", "[html][gzip]") {
    const std::string page = "<html><body><p>Hello, compressed world.</p></body></html>";
    const std::string packed = gzip(page);
    CHECK(is_gzip(packed));
    CHECK_FALSE(is_gzip(page));
    CHECK(gunzip(packed, 1 << 20) == page);
    CHECK(gunzip(packed + gzip(" more"), 1 << 20) == page + " more");
}

TEST_CASE("corrupt, truncated and oversized gzip data is an error", "[html][gzip]") {
    const std::string packed = gzip(std::string(100000, 'a'));
    CHECK_THROWS_AS(gunzip(packed.substr(0, packed.size() / 2), 1 << 20), newssearch::DataError);
    std::string corrupt = packed;
    corrupt[12] = static_cast<char>(corrupt[12] ^ 0x55);
    CHECK_THROWS_AS(gunzip(corrupt, 1 << 20), newssearch::DataError);
    CHECK_THROWS_WITH(gunzip(packed, 1000), Catch::Contains("larger than 1000 bytes"));
}
