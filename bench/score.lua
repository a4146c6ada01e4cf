-- wrk script of bench/scoring.sh (ScoringBenchmark runs it): sends the request bodies of a file in
-- turn, one JSON body per line. Arguments after "--": <bodies file> <commit: true|false> <batchId prefix>
-- <path> <token>. With commit=true each body gets a fresh batchId, as agents send. With no bodies
-- file ("-") it sends GETs: the trivial authenticated call the scoring figures are compared with.
-- No response() callback: it would hand every answer's body to Lua; wrk counts non-2xx answers itself.

local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("id", counter)
end

function init(args)
  bodies = {}
  if args[1] ~= "-" then
    for line in io.lines(args[1]) do
      bodies[#bodies + 1] = line
    end
  end
  commit = args[2] == "true"
  prefix = args[3] .. "-" .. id .. "-"
  wrk.path = args[4]
  wrk.headers["Authorization"] = "Bearer " .. args[5]
  if #bodies > 0 then
    wrk.method = "POST"
    wrk.headers["Content-Type"] = "application/json"
  else
    wrk.method = "GET"
  end
  sent = id * 7919
end

function request()
  if #bodies == 0 then
    return wrk.format()
  end
  sent = sent + 1
  local body = bodies[(sent % #bodies) + 1]
  if commit then
    body = '{"batchId":"' .. prefix .. sent .. '",' .. body:sub(2)
  end
  return wrk.format(nil, nil, nil, body)
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("WRK requests=%d duration_us=%d connect=%d read=%d write=%d status=%d timeout=%d p50_us=%d p99_us=%d\n",
    summary.requests, summary.duration, e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50), latency:percentile(99)))
end
