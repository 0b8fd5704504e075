-- wrk script of the benchmark driver (GatewayThroughput): every request is a POST of the JSON in
-- the environment variable WRK_BODY, with WRK_AUTHORIZATION as its Authorization header when set.
-- At the end it prints one line the driver parses (latencies in microseconds).
wrk.method = "POST"
wrk.body = os.getenv("WRK_BODY") or "{}"
wrk.headers["Content-Type"] = "application/json"
local authorization = os.getenv("WRK_AUTHORIZATION")
if authorization ~= nil and authorization ~= "" then
  wrk.headers["Authorization"] = authorization
end

done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "WRK_RESULT requests=%d duration_us=%d p50_us=%d p90_us=%d p99_us=%d p999_us=%d max_us=%d "
      .. "status_errors=%d connect_errors=%d read_errors=%d write_errors=%d timeouts=%d\n",
    summary.requests, summary.duration, math.floor(latency:percentile(50)), math.floor(latency:percentile(90)),
    math.floor(latency:percentile(99)), math.floor(latency:percentile(99.9)), latency.max,
    e.status, e.connect, e.read, e.write, e.timeout))
end
