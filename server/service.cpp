#include "server/service.hpp"

#include "common/article_json.hpp"
#include "common/errors.hpp"
#include "render/render_html.hpp"
#include "render/render_json.hpp"
#include "server/access_log.hpp"
#include "server/first_come_slots.hpp"
#include "server/http_server.hpp"
#include "server/web_assets.hpp"

#include <newssearch/searcher.hpp>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <memory>
#include <mutex>
#include <vector>

namespace newssearch::server {

namespace {

using Clock = std::chrono::steady_clock;
using Json = nlohmann::ordered_json;

constexpr const char* json_type = "application/json; charset=utf-8";

/// An index that cannot be opened (yet): 503, the client may retry.
class Unavailable : public std::runtime_error {
    using std::runtime_error::runtime_error;
};

std::string dump(const Json& json) {
    // Article text is not guaranteed to be valid UTF-8: never let one byte fail a response.
    return json.dump(-1, ' ', false, Json::error_handler_t::replace);
}

void send_json(httplib::Response& response, int status, const Json& json) {
    response.status = status;
    response.set_content(dump(json), json_type);
}

void send_error(httplib::Response& response, int status, const std::string& message) {
    send_json(response, status, {{"error", {{"status", status}, {"message", message}}}});
    response.set_header("Cache-Control", "no-store");
}

/// The service's Searchers (the library's: each moves to the latest commit before every call),
/// opened on first use: at most `size` searches run at once, whatever the number of connections.
/// Not the library's SearcherPool, which opens the index at once (the service starts without
/// one and answers 503) and opens more Searchers when all are busy (here, callers wait).
class SearchSlots {
  public:
    SearchSlots(std::string db, std::size_t size) : db_(std::move(db)), slots_(size) {}

    /// Runs `call` with a Searcher over the index, waiting for one to be free. An index that cannot
    /// be opened is Unavailable (503, retry); one that fails under an open Searcher (replaced or
    /// removed) is opened afresh next time.
    template <typename Call> auto with(Call&& call) {
        std::unique_ptr<Searcher> searcher = acquire();
        struct Release {
            SearchSlots& pool;
            std::unique_ptr<Searcher>& searcher;
            ~Release() { pool.release(std::move(searcher)); }
        } release{*this, searcher};
        // Waiting for a slot, the client may have given up: its answer would never be read.
        if (HttpServer::client_gone()) throw RequestError(499, "the client closed the connection before its answer");
        if (!searcher) {
            try {
                searcher = std::make_unique<Searcher>(db_);
            } catch (const IndexError& e) {
                throw Unavailable(e.what());
            }
        }
        try {
            return call(*searcher);
        } catch (const IndexError&) {
            searcher.reset();
            throw;
        }
    }

  private:
    std::unique_ptr<Searcher> acquire() {
        slots_.acquire();
        const std::lock_guard lock(mutex_);
        if (idle_.empty()) return nullptr;
        std::unique_ptr<Searcher> searcher = std::move(idle_.back());
        idle_.pop_back();
        return searcher;
    }
    void release(std::unique_ptr<Searcher> searcher) {
        if (searcher) {
            const std::lock_guard lock(mutex_);
            idle_.push_back(std::move(searcher));
        }
        slots_.release();
    }

    const std::string db_;
    FirstComeSlots slots_;
    std::mutex mutex_; ///< guards idle_
    std::vector<std::unique_ptr<Searcher>> idle_;
};

/// Runs `body`, turning exceptions into JSON errors: RequestError its own status, UsageError 400,
/// Unavailable and index errors 503, anything else 500. (The library turns Xapian's errors into
/// IndexError.)
template <typename Body> void guarded(httplib::Response& response, Body&& body) {
    try {
        body();
    } catch (const RequestError& e) {
        send_error(response, e.status(), e.what());
    } catch (const UsageError& e) {
        send_error(response, 400, e.what());
    } catch (const Unavailable& e) {
        send_error(response, 503, e.what());
        response.set_header("Retry-After", "5");
    } catch (const IndexError& e) {
        send_error(response, 503, e.what());
    } catch (const std::exception& e) {
        send_error(response, 500, e.what());
    }
}

Json search_json(SearchSlots& searchers, const SearchOptions& options) {
    // Rendered while the search slot is held, so a request's CPU work runs --threads at a time
    // and requests finish in the order they got a slot: rendered after it, 200 connections'
    // answers competed for the processor and the slowest took twice the mean (docs/BENCHMARKS.md).
    return searchers.with([&](Searcher& searcher) {
        const SearchResults results = searcher.search(options);
        Json json = render::to_json(results);
        Json& hits = json["hits"];
        for (std::size_t i = 0; i < results.hits.size(); ++i)
            hits[i]["html"] = {{"title", render::title_html(results.hits[i])},
                               {"snippet", render::snippet_html(results.hits[i])}};
        json["filters"] = {{"sources", options.sources}, {"categories", options.categories}, {"entities", options.entities}};
        return json;
    });
}

Json suggest_json(SearchSlots& searchers, const SuggestRequest& request) {
    const std::vector<Suggestion> found =
        searchers.with([&](Searcher& searcher) { return searcher.suggest(request.query, request.limit); });
    Json suggestions = Json::array();
    for (const Suggestion& s : found) {
        Json item = {{"text", s.text}, {"completion", s.completion}, {"kind", s.kind}, {"frequency", s.frequency}};
        if (!s.entity_key.empty()) item["key"] = s.entity_key;
        suggestions.push_back(std::move(item));
    }
    return {{"query", request.query}, {"suggestions", std::move(suggestions)}};
}

Json article_json(SearchSlots& searchers, const std::string& id, const std::string& query) {
    std::optional<ArticleHighlights> marks;
    const std::optional<StoredArticle> stored = searchers.with([&](Searcher& searcher) {
        std::optional<StoredArticle> found = searcher.article(id);
        if (found) marks = searcher.highlight(found->article, query);
        return found;
    });
    if (!stored) throw RequestError(404, "no article with id \"" + id + "\"");
    // The article's texts as HTML: escaped, the query's words in <mark> (the snippets' highlighter).
    const Article& a = stored->article;
    Json paragraphs = Json::array();
    for (std::size_t i = 0; i < a.paragraphs.size(); ++i)
        paragraphs.push_back(render::html_marked(a.paragraphs[i].text, marks->paragraphs[i]));
    Json captions = Json::array();
    for (std::size_t i = 0; i < a.captions.size(); ++i)
        captions.push_back(render::html_marked(a.captions[i].text, marks->captions[i]));
    Json html = {{"title", render::html_marked(a.title, marks->title)},
                 {"subtitle", render::html_marked(a.subtitle, marks->subtitle)},
                 {"paragraphs", std::move(paragraphs)},
                 {"captions", std::move(captions)}};
    Json entities = Json::array();
    for (const Entity& entity : stored->entities)
        entities.push_back({{"key", entity.key}, {"type", entity.type}, {"canonical", entity.canonical}});
    Json article = to_display_json(stored->article); // unknown is null, as in /api/search
    return {{"article", std::move(article)}, {"entities", std::move(entities)}, {"query", query},
            {"html", std::move(html)}};
}

/// The headers of the page and its files: cached a little, and a policy that runs only their own
/// script and style, so article text can never run code in the page.
void set_page_headers(httplib::Response& response) {
    response.set_header("Cache-Control", "public, max-age=300");
    response.set_header("Content-Security-Policy",
                        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                        "object-src 'none'; base-uri 'none'; frame-ancestors 'self'");
}

/// The page as served at `target` (the request target as sent: /article/a%2Fb?q=x), with the
/// addresses of its files made relative to that depth, so it works behind a path prefix too.
std::string page_at(const std::string& target) {
    const EmbeddedFile* page = find_embedded_file("/index.html");
    std::string body(page->body);
    const std::string path = target.substr(0, target.find('?'));
    std::string up;
    for (std::size_t slashes = std::count(path.begin(), path.end(), '/'); slashes > 1; --slashes) up += "../";
    if (up.empty()) return body;
    for (const std::string_view file : {"\"style.css\"", "\"app.js\"", "\"./\""})
        for (std::size_t at = body.find(file); at != std::string::npos; at = body.find(file, at + file.size() + up.size()))
            body.insert(at + 1, up);
    return body;
}

bool is_known_path(const std::string& path) {
    return path == "/api/search" || path == "/api/suggest" || path == "/healthz" ||
           path.starts_with("/api/article/") || path.starts_with("/article/") ||
           find_embedded_file(path) != nullptr;
}

/// When the current request started, per worker thread (the logger runs on the same thread).
thread_local Clock::time_point request_start{};

} // namespace

void install_service(httplib::Server& server, const ServiceSettings& settings) {
    const auto searchers = std::make_shared<SearchSlots>(settings.db, settings.threads == 0 ? 1 : settings.threads);
    const RequestLimits limits = settings.limits;
    const std::string cors = settings.cors_origin;

    server.set_payload_max_length(settings.max_request_bytes);
    server.set_read_timeout(settings.read_timeout_seconds, 0);
    server.set_write_timeout(settings.write_timeout_seconds, 0);
    // A keep-alive connection holds its worker thread while idle: keep idle time short, but let a
    // busy client (a page typing ahead, a load test) reuse its connection for many requests.
    // Small JSON answers: send them at once instead of waiting on delayed ACKs (Nagle).
    server.set_tcp_nodelay(true);
    server.set_keep_alive_timeout(1);
    server.set_keep_alive_max_count(1000);

    server.set_pre_routing_handler(
        [cors](const httplib::Request& request, httplib::Response& response) {
            request_start = Clock::now();
            response.set_header("X-Content-Type-Options", "nosniff");
            if (!cors.empty()) {
                response.set_header("Access-Control-Allow-Origin", cors);
                response.set_header("Vary", "Origin");
            }
            if (request.method == "GET" || request.method == "HEAD")
                return httplib::Server::HandlerResponse::Unhandled;
            if (!is_known_path(request.path)) {
                send_error(response, 404, "no such path");
            } else if (request.method == "OPTIONS") {
                response.status = 204;
                response.set_header("Allow", "GET, HEAD, OPTIONS");
                if (!cors.empty()) {
                    response.set_header("Access-Control-Allow-Methods", "GET, HEAD, OPTIONS");
                    response.set_header("Access-Control-Max-Age", "600");
                }
            } else {
                send_error(response, 405, "method " + request.method + " is not allowed: use GET");
                response.set_header("Allow", "GET, HEAD, OPTIONS");
            }
            return httplib::Server::HandlerResponse::Handled;
        });

    server.Get("/api/search", [searchers, limits](const httplib::Request& request,
                                           httplib::Response& response) {
        guarded(response, [&] {
            send_json(response, 200, search_json(*searchers, parse_search_request(request.params, limits)));
            response.set_header("Cache-Control", "no-cache");
        });
    });
    server.Get("/api/suggest",
               [searchers, limits](const httplib::Request& request, httplib::Response& response) {
                   guarded(response, [&] {
                       send_json(response, 200,
                                 suggest_json(*searchers, parse_suggest_request(request.params, limits)));
                       response.set_header("Cache-Control", "no-cache");
                   });
               });
    server.Get("/api/article/(.+)", [searchers, limits](const httplib::Request& request,
                                         httplib::Response& response) {
        guarded(response, [&] {
            const std::string query = request.has_param("q") ? request.get_param_value("q") : std::string();
            if (query.size() > limits.max_query_bytes)
                throw RequestError(413, "the query is longer than " + std::to_string(limits.max_query_bytes) + " bytes");
            send_json(response, 200, article_json(*searchers, parse_article_id(request.matches[1].str()), query));
            response.set_header("Cache-Control", "no-cache");
        });
    });
    server.Get("/healthz", [searchers](const httplib::Request&, httplib::Response& response) {
        // Alive even without an index; the body says whether searches can be answered.
        Json json = {{"status", "ok"}};
        try {
            json["index"] = "ready";
            json["passages"] = searchers->with([](Searcher& searcher) { return searcher.passage_count(); });
        } catch (const std::exception& e) {
            json["index"] = "unavailable";
            json["message"] = e.what();
        }
        send_json(response, 200, json);
        response.set_header("Cache-Control", "no-store");
    });
    for (const EmbeddedFile& file : embedded_files()) {
        const auto serve = [&file](const httplib::Request&, httplib::Response& response) {
            response.set_content(std::string(file.body), std::string(file.content_type).c_str());
            set_page_headers(response);
        };
        std::string pattern;
        for (const char c : file.path) {
            if (!std::isalnum(static_cast<unsigned char>(c)) && c != '/')
                pattern += '\\';
            pattern += c;
        }
        server.Get(pattern, serve);
        if (file.path == "/index.html")
            server.Get("/", serve);
    }

    // The article view: the same page, which shows the article named in its address; 404 (with
    // the page, which says so) when the index has no such article.
    server.Get("/article/(.+)", [searchers](const httplib::Request& request, httplib::Response& response) {
        response.status = 200;
        try {
            const std::string id = parse_article_id(request.matches[1].str());
            if (!searchers->with([&](Searcher& searcher) { return searcher.article(id).has_value(); }))
                response.status = 404;
        } catch (const RequestError&) {
            response.status = 404;
        } catch (const std::exception&) {
            // The page itself reports an index it cannot reach.
        }
        response.set_content(page_at(request.target), "text/html; charset=utf-8");
        set_page_headers(response);
        response.set_header("Cache-Control", "no-cache");
    });

    server.set_error_handler(httplib::Server::HandlerWithResponse(
        [](const httplib::Request&, httplib::Response& response) {
            if (!response.body.empty())
                return httplib::Server::HandlerResponse::Unhandled;
            // A request line over the limit is an oversized request like any other, and so are
            // headers over the limit, which cpp-httplib can only call a bad request.
            int status = response.status == 414 ? 413 : response.status;
            if (status == 400 && HttpServer::refusal() == Refusal::headers_too_large) status = 413;
            if (status == 400 && HttpServer::refusal() == Refusal::too_slow) status = 408;
            send_error(response, status,
                       status == 404   ? "no such path"
                       : status == 413 ? "request too large (the request line, headers or body)"
                       : status == 408 ? "the request took too long to arrive"
                                       : "bad request");
            return httplib::Server::HandlerResponse::Handled;
        }));

    if (settings.log) {
        auto log_mutex = std::make_shared<std::mutex>();
        std::ostream* log = settings.log;
        const LogFormat format = settings.log_format;
        server.set_logger(
            [log, log_mutex, format](const httplib::Request& request, const httplib::Response& response) {
                const double ms =
                    request_start == Clock::time_point{}
                        ? 0.0
                        : std::chrono::duration<double, std::milli>(Clock::now() - request_start)
                              .count();
                request_start = {};
                const std::string line = access_log_line(
                    {std::chrono::system_clock::now(), request.remote_addr, request.method,
                     request.target, response.status, response.body.size(), ms},
                    format);
                const std::lock_guard lock(*log_mutex);
                *log << line << '\n' << std::flush;
            });
    }
}

} // namespace newssearch::server
