-- wrk script of bench/needs.sh. Prints one line "RESULT req/s p50 p95 p99 non-2xx errors requests" (latencies in ms; wrk's own
-- summary has no p95). Environment, each optional:
--   BENCH_PATHS      a file of paths, one a line, requested in turn (otherwise the URL given to wrk)
--   BENCH_COOKIES    a file of "user id<TAB>Cookie header value" lines: each request comes from the next member
--   BENCH_FORWARDED  1: the requests come from 20,000 addresses in turn (X-Forwarded-For; the app trusts the proxy
--                    127.0.0.1), as many people typing would, so that a limit per address counts per person
-- Without any of them no request() is defined, and wrk sends its one prepared request as fast as it can.

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
local cookies = {}
for _, line in ipairs(lines(os.getenv("BENCH_COOKIES"))) do
  cookies[#cookies + 1] = line:match("\t(.*)$")
end
local forwarded = os.getenv("BENCH_FORWARDED") == "1"

if #paths > 0 or #cookies > 0 or forwarded then
  local n = 0
  function request()
    n = n + 1
    -- Threads start at different places in the lists and take different addresses.
    local i = n + (thread_number or 0) * 7919
    local headers = {}
    for name, value in pairs(wrk.headers) do headers[name] = value end
    if #cookies > 0 then headers["Cookie"] = cookies[i % #cookies + 1] end
    if forwarded then
      -- 20,000 people in all, each asking a few times a minute: far below the limit of 120 a minute per address.
      local a = (thread_number or 0) * 10000 + n % 10000
      headers["X-Forwarded-For"] = string.format("10.%d.%d.%d", math.floor(a / 65536) % 256, math.floor(a / 256) % 256, a % 256)
    end
    local path = wrk.path
    if #paths > 0 then path = paths[i % #paths + 1] end
    return wrk.format(nil, path, headers)
  end
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT %.0f %.2f %.2f %.2f %d %d %d\n", summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    e.status, e.connect + e.read + e.write + e.timeout, summary.requests))
end
