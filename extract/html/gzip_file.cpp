#include "extract/html/gzip_file.hpp"

#include "common/errors.hpp"

#include <zlib.h>

#include <climits>

namespace newssearch::extract::html {

bool is_gzip(std::string_view bytes) { return bytes.size() >= 2 && bytes[0] == '\x1f' && bytes[1] == '\x8b'; }

std::string gunzip(std::string_view bytes, std::size_t max_bytes) {
    if (bytes.size() > UINT_MAX) throw DataError("compressed file too large");
    z_stream stream{};
    // 16 + MAX_WBITS: gzip wrapper only.
    if (inflateInit2(&stream, 16 + MAX_WBITS) != Z_OK) throw DataError("cannot start gzip decompression");
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
    stream.avail_in = static_cast<uInt>(bytes.size());
    std::string out;
    char buffer[1 << 16];
    int status = Z_OK;
    while (true) {
        stream.next_out = reinterpret_cast<Bytef*>(buffer);
        stream.avail_out = sizeof buffer;
        status = inflate(&stream, Z_NO_FLUSH);
        if (status != Z_OK && status != Z_STREAM_END) break;
        out.append(buffer, sizeof buffer - stream.avail_out);
        if (out.size() > max_bytes) {
            inflateEnd(&stream);
            throw DataError("decompressed page larger than " + std::to_string(max_bytes) + " bytes");
        }
        if (status == Z_STREAM_END) {
            if (stream.avail_in == 0) break;
            // Concatenated gzip members: continue with the next one.
            if (inflateReset(&stream) != Z_OK) break;
            continue;
        }
        if (stream.avail_in == 0 && stream.avail_out != 0) {
            status = Z_BUF_ERROR;
            break;
        }
    }
    inflateEnd(&stream);
    if (status != Z_STREAM_END) throw DataError("corrupt or truncated gzip data");
    return out;
}

} // namespace newssearch::extract::html
