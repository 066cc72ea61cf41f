-- wrk script: a mix of realistic requests to `newssearch serve`. Queries come from the file named
-- by $NEWSSEARCH_QUERIES (one per line; bench/load/run.sh takes them from BBC titles). Of every
-- ten requests, seven search, two suggest (the last word cut short, as when typing) and one
-- searches page two.
--   NEWSSEARCH_QUERIES=queries.txt wrk -t2 -c2 -d30s --latency -s bench/load/search_mix.lua http://127.0.0.1:8080

local queries = {}

local function urlencode(text)
  return (text:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

local function load_queries()
  local path = os.getenv("NEWSSEARCH_QUERIES") or "queries.txt"
  for line in io.lines(path) do
    if #line > 0 then queries[#queries + 1] = line end
  end
  assert(#queries > 0, "no queries in " .. path)
end

local counter = 0
local errors_by_status = {}

function init(args)
  load_queries()
  counter = math.random(#queries)
end

function request()
  counter = counter + 1
  local query = queries[(counter % #queries) + 1]
  local kind = counter % 10
  local path
  if kind < 2 then
    local prefix = query:sub(1, math.max(1, #query - 2))
    path = "/api/suggest?q=" .. urlencode(prefix)
  elseif kind == 2 then
    path = "/api/search?limit=10&offset=10&q=" .. urlencode(query)
  else
    path = "/api/search?limit=10&q=" .. urlencode(query)
  end
  return wrk.format("GET", path)
end

function response(status, headers, body)
  if status ~= 200 then
    errors_by_status[status] = (errors_by_status[status] or 0) + 1
  end
end
