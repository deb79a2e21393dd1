-- wrk script of bench/workspaces.sh. Prints one line "RESULT req/s p50 p95 p99 non-2xx errors requests" (latencies in ms;
-- wrk's own summary has no p95), as bench/needs.lua does. Environment, each optional:
--   BENCH_SESSIONS   a file of "user id<TAB>slug<TAB>Cookie header value" lines: each request comes from the next person,
--                    signed in
--   BENCH_TEMPLATE   the path to request, in which "{slug}" becomes the slug of that person's workspace (a URL given
--                    to wrk cannot hold the braces)
--   BENCH_PATHS      a file of paths, one a line, requested in turn (otherwise the URL given to wrk)
--   BENCH_ONCE       "1": each of the BENCH_SESSIONS people once, in the file's order (run with -t1: the first page of
--                    each person's visit); after as many answers wrk is stopped as by Ctrl-C, so that its summary
--                    (requests per second included) covers just them and -d is only a ceiling
-- Without either no request() is defined, and wrk sends its one prepared request as fast as it can.

local function lines(name)
  local list = {}
  if name and name ~= "" then
    for line in io.lines(name) do
      if line ~= "" then list[#list + 1] = line end
    end
  end
  return list
end

local threads = 0
function setup(thread)
  thread:set("thread_number", threads)
  threads = threads + 1
end

local paths = lines(os.getenv("BENCH_PATHS"))
local template = os.getenv("BENCH_TEMPLATE") or ""
local sessions = {}
for _, line in ipairs(lines(os.getenv("BENCH_SESSIONS"))) do
  local slug, cookie = line:match("^[^\t]*\t([^\t]*)\t(.*)$")
  sessions[#sessions + 1] = { slug = slug, cookie = cookie }
end

local once = os.getenv("BENCH_ONCE") == "1" and #sessions > 0
if once then
  local answered = 0
  function response(status, headers, body)
    answered = answered + 1
    if answered == #sessions then
      wrk.thread:stop()
      -- SIGINT to wrk itself (the shell's parent), as Ctrl-C: its main thread stops waiting for -d and prints the
      -- summary. A moment later, in the background: system() ignores SIGINT in wrk until the shell has ended.
      os.execute("(sleep 0.05; kill -INT $PPID) &")
    end
  end
end

if #paths > 0 or #sessions > 0 then
  local n = 0
  function request()
    n = n + 1
    -- Threads start at different places in the lists.
    local i = n + (thread_number or 0) * 7919
    if once then i = n - 1 end
    local headers = {}
    for name, value in pairs(wrk.headers) do headers[name] = value end
    local path = wrk.path
    if template ~= "" then path = template end
    if #paths > 0 then path = paths[i % #paths + 1] end
    if #sessions > 0 then
      local s = sessions[i % #sessions + 1]
      headers["Cookie"] = s.cookie
      path = path:gsub("{slug}", s.slug)
    end
    return wrk.format(nil, path, headers)
  end
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT %.0f %.2f %.2f %.2f %d %d %d\n", summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    e.status, e.connect + e.read + e.write + e.timeout, summary.requests))
end
