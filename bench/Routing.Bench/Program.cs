using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using ContactHub.Core.Domain;
using ContactHub.Core.Events;
using ContactHub.Core.Routing;
using ContactHub.Routing;
using ContactHub.Routing.Bench;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

// Routing benchmark: closed-loop assignment throughput, open-loop enqueue-to-offer latency at a target rate,
// and redis-benchmark's 3-command EVAL against the same Redis in the same run, for the ratio.
var settings = BenchSettings.Parse(args);
Console.WriteLine($"redis 127.0.0.1:{settings.Port}  tasks {settings.Tasks}  agents {settings.Agents}  queues {settings.Queues}  workers {settings.Workers}  rate {settings.Rate}/s  cores {Environment.ProcessorCount}");

using var redis = RedisConnection.Connect($"127.0.0.1:{settings.Port},allowAdmin=true");
// --only throughput|latency skips the rest (for profiling one phase with SLOWLOG or INFO commandstats).
var onlyAt = Array.IndexOf(args, "--only");
var only = onlyAt >= 0 && onlyAt + 1 < args.Length ? args[onlyAt + 1] : "";
var throughput = only is "" or "throughput" ? await Scenario.ThroughputAsync(redis, settings) : 0;
var latency = only is "" or "latency" ? await Scenario.LatencyAsync(redis, settings) : new LatencyResult(0, 0, 0, 0, 0, 0);
var evalOps = only is "" ? RedisBenchmark.Eval(settings.Port) : 0;
var floorCycles = only is "" ? await RedisBenchmark.FloorAsync(redis, settings.Port) : 0;

var ratio = evalOps > 0 ? throughput / evalOps : 0;
Console.WriteLine();
Console.WriteLine(FormattableString.Invariant($"assignments/s (enqueue+offer+accept+release): {throughput:F0}"));
Console.WriteLine(FormattableString.Invariant($"enqueue-to-offer at {settings.Rate}/s: p50 {latency.P50:F3} ms  p99 {latency.P99:F3} ms  max {latency.Max:F3} ms  achieved {latency.AchievedRate:F0}/s  offered at once {latency.OfferedAtOnce}/{latency.Sent}"));
Console.WriteLine(FormattableString.Invariant($"redis-benchmark EVAL (3 commands, -c 50, best of 3): {evalOps:F0} ops/s"));
Console.WriteLine(FormattableString.Invariant($"ratio assignments/s / EVAL ops/s: {ratio:F3}  (target >= 0.25: {(ratio >= 0.25 ? "met" : "MISSED")})"));
Console.WriteLine(FormattableString.Invariant($"p99 enqueue-to-offer: {latency.P99:F3} ms  (target < 5 ms: {(latency.P99 < 5 ? "met" : "MISSED")})"));
Console.WriteLine(FormattableString.Invariant($"floor (minimal cycle, 22 commands in one EVAL, floor-cycle.lua): {floorCycles:F0} cycles/s, ratio {(evalOps > 0 ? floorCycles / evalOps : 0):F3}; this router reaches {(floorCycles > 0 ? throughput / floorCycles : 0):F2} of the floor"));

namespace ContactHub.Routing.Bench
{
    internal sealed record BenchSettings(int Port, int Tasks, int Agents, int Workers, int Rate, int LatencySeconds, int Queues)
    {
        public static BenchSettings Parse(string[] args)
        {
            int Get(string name, int fallback)
            {
                var i = Array.IndexOf(args, name);
                return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
            }
            return new(Get("--port", 6379), Get("--tasks", 50_000), Get("--agents", 200), Get("--workers", 64), Get("--rate", 1000), Get("--seconds", 10), Get("--queues", 1));
        }
    }

    internal sealed record LatencyResult(double P50, double P99, double Max, double AchievedRate, int OfferedAtOnce, int Sent);

    /// <summary>Collects offers the router announces (made as a side effect of an accept or release) for the workers to answer.</summary>
    internal sealed class OfferInbox : IHubEventBus
    {
        public ConcurrentQueue<Offer> Offers { get; } = new();

        public Task PublishAsync(HubEvent hubEvent)
        {
            if (hubEvent is OfferMade made)
            {
                Offers.Enqueue(new Offer(made.ConversationId, made.AgentId, made.ExpiresAt));
            }
            return Task.CompletedTask;
        }

        public IDisposable Subscribe(Action<HubEvent> handler) => throw new NotSupportedException();
    }

    internal static class Scenario
    {
        private static (RedisRouter Router, OfferInbox Inbox, string Prefix) NewRouter(StackExchange.Redis.IConnectionMultiplexer redis)
        {
            var prefix = $"bench:{Guid.NewGuid():N}";
            var options = new RoutingOptions { KeyPrefix = prefix, OfferTimeoutSeconds = 60 };
            var inbox = new OfferInbox();
            var router = new RedisRouter(redis, new RoutingKeys(prefix), Options.Create(options), inbox, TimeProvider.System, NullLogger<RedisRouter>.Instance);
            return (router, inbox, prefix);
        }

        private static async Task SetUpAgentsAsync(RedisRouter router, BenchSettings settings)
        {
            for (var queue = 0; queue < settings.Queues; queue++)
            {
                await router.ApplyQueueAsync(new QueueRoutingConfig(QueueName(queue)) { ServiceLevelSeconds = 20, RequiredSkills = new Dictionary<string, int> { ["support"] = 1 } });
            }
            for (var agent = 1; agent <= settings.Agents; agent++)
            {
                await router.ApplyAgentAsync(new AgentRoutingProfile(agent)
                {
                    Skills = new Dictionary<string, int> { ["support"] = 1 + (agent % 3) },
                    Capacity = new Dictionary<ChannelKind, int> { [ChannelKind.WebChat] = 3, [ChannelKind.Voice] = 1 },
                });
                await router.SetPresenceAsync(agent, AgentPresence.Available);
            }
        }

        private static string QueueName(long index) => index == 0 ? "support" : $"support{index}";

        /// <summary>Tasks go round the queues; all need the same skill, so any agent may take any of them.</summary>
        private static RoutingTask Task(long id, BenchSettings settings) =>
            new(id, QueueName(id % settings.Queues), id % 5 == 0 ? ChannelKind.Voice : ChannelKind.WebChat, DateTimeOffset.UtcNow) { Priority = (int)(id % 3) };

        /// <summary>Workers enqueue, accept and release as fast as replies come back; every call is one Redis function.</summary>
        public static async Task<double> ThroughputAsync(StackExchange.Redis.IConnectionMultiplexer redis, BenchSettings settings)
        {
            var (router, inbox, prefix) = NewRouter(redis);
            await SetUpAgentsAsync(router, settings);
            long lastId = 0;

            async Task<double> RunAsync(int count)
            {
                long nextId = lastId;
                long completed = 0;
                var endId = lastId + count;

                async System.Threading.Tasks.Task HandleAsync(Offer? offer)
                {
                    while (offer is not null)
                    {
                        if (await router.AcceptAsync(offer.AgentId, offer.ConversationId) != OfferAnswer.Accepted)
                        {
                            return;
                        }
                        var next = await router.ReleaseAsync(offer.AgentId, offer.ConversationId);
                        Interlocked.Increment(ref completed);
                        offer = next;
                    }
                }

                async System.Threading.Tasks.Task WorkerAsync()
                {
                    while (Interlocked.Read(ref completed) < count)
                    {
                        if (inbox.Offers.TryDequeue(out var extra))
                        {
                            await HandleAsync(extra);
                            continue;
                        }
                        if (Interlocked.Read(ref nextId) >= endId)
                        {
                            await System.Threading.Tasks.Task.Delay(1);
                            continue;
                        }
                        var id = Interlocked.Increment(ref nextId);
                        if (id <= endId)
                        {
                            await HandleAsync(await router.EnqueueAsync(Task(id, settings)));
                        }
                    }
                }

                var watch = Stopwatch.StartNew();
                await System.Threading.Tasks.Task.WhenAll(Enumerable.Range(0, settings.Workers).Select(_ => WorkerAsync()));
                lastId = endId;
                return Interlocked.Read(ref completed) / watch.Elapsed.TotalSeconds;
            }

            // Warm-up: function library loaded, JIT done.
            await RunAsync(Math.Min(2000, settings.Tasks));
            var server = redis.GetServer(redis.GetEndPoints()[0]);
            var (cpuBefore, callsBefore, usecBefore) = await RedisCostAsync(server);
            var watch = Stopwatch.StartNew();
            var rate = await RunAsync(settings.Tasks);
            var done = settings.Tasks;
            var (cpuAfter, callsAfter, usecAfter) = await RedisCostAsync(server);
            var calls = callsAfter - callsBefore;
            Console.WriteLine(FormattableString.Invariant(
                $"redis during throughput: {100 * (cpuAfter - cpuBefore) / watch.Elapsed.TotalSeconds:F0}% of one core busy; {calls} routing calls ({(double)calls / done:F2} per assignment), {(usecAfter - usecBefore) / Math.Max(1, calls):F1} us each inside Redis"));
            var live = await router.GetLiveAsync();
            Console.WriteLine(FormattableString.Invariant($"throughput: {done} assignments in {watch.Elapsed.TotalSeconds:F2} s; counters: offered {live.Queues.Sum(q => q.Offered)} answered {live.Queues.Sum(q => q.Answered)} waiting {live.Queues.Sum(q => q.Waiting)}"));
            await CleanAsync(redis, prefix);
            return rate;
        }

        /// <summary>Open loop: one enqueue every 1/rate s regardless of replies; agents answer in the background.</summary>
        public static async Task<LatencyResult> LatencyAsync(StackExchange.Redis.IConnectionMultiplexer redis, BenchSettings settings)
        {
            var (router, inbox, prefix) = NewRouter(redis);
            await SetUpAgentsAsync(router, settings);
            var samples = new ConcurrentBag<double>();
            var pending = new ConcurrentBag<System.Threading.Tasks.Task>();
            var offeredAtOnce = 0;

            async System.Threading.Tasks.Task AnswerAsync(Offer? offer)
            {
                while (offer is not null)
                {
                    // An agent spends a little time on the conversation, as a real one would (much less, to keep the run short).
                    await System.Threading.Tasks.Task.Delay(5);
                    if (await router.AcceptAsync(offer.AgentId, offer.ConversationId) != OfferAnswer.Accepted)
                    {
                        return;
                    }
                    await System.Threading.Tasks.Task.Delay(20);
                    offer = await router.ReleaseAsync(offer.AgentId, offer.ConversationId);
                }
            }

            async System.Threading.Tasks.Task OneAsync(long id)
            {
                var started = Stopwatch.GetTimestamp();
                var offer = await router.EnqueueAsync(Task(id, settings));
                if (offer is not null)
                {
                    samples.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    Interlocked.Increment(ref offeredAtOnce);
                }
                await AnswerAsync(offer);
            }

            var drain = new CancellationTokenSource();
            var drainer = System.Threading.Tasks.Task.Run(async () =>
            {
                while (!drain.IsCancellationRequested)
                {
                    while (inbox.Offers.TryDequeue(out var extra))
                    {
                        pending.Add(AnswerAsync(extra));
                    }
                    await System.Threading.Tasks.Task.Delay(1);
                }
            });

            var total = settings.Rate * settings.LatencySeconds;
            var watch = Stopwatch.StartNew();
            for (var id = 1; id <= total; id++)
            {
                // Pace by the clock: sleep until this task's send time (1 ms timer granularity, catch up in bursts).
                var due = TimeSpan.FromSeconds((double)id / settings.Rate);
                var wait = due - watch.Elapsed;
                if (wait > TimeSpan.FromMilliseconds(1))
                {
                    await System.Threading.Tasks.Task.Delay(wait);
                }
                pending.Add(OneAsync(id));
            }
            var achieved = total / watch.Elapsed.TotalSeconds;
            await System.Threading.Tasks.Task.WhenAll(pending);
            drain.Cancel();
            await drainer;

            var sorted = samples.OrderBy(x => x).ToArray();
            double Pct(double p) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
            await CleanAsync(redis, prefix);
            return new LatencyResult(Pct(0.50), Pct(0.99), sorted.Length == 0 ? double.NaN : sorted[^1], achieved, offeredAtOnce, total);
        }

        /// <summary>Redis's own CPU seconds (user + sys) and its FCALL/EVALSHA/EVAL call count and time, from INFO.</summary>
        private static async Task<(double Cpu, long Calls, long Usec)> RedisCostAsync(StackExchange.Redis.IServer server)
        {
            var info = (await server.InfoAsync("cpu")).Concat(await server.InfoAsync("commandstats"))
                .SelectMany(group => group).ToDictionary(pair => pair.Key, pair => pair.Value);
            var cpu = double.Parse(info["used_cpu_user"], CultureInfo.InvariantCulture) + double.Parse(info["used_cpu_sys"], CultureInfo.InvariantCulture);
            long calls = 0, usec = 0;
            foreach (var name in new[] { "cmdstat_fcall", "cmdstat_evalsha", "cmdstat_eval" })
            {
                if (info.TryGetValue(name, out var stat))
                {
                    var fields = stat.Split(',').Select(part => part.Split('=')).ToDictionary(kv => kv[0], kv => kv[1]);
                    calls += long.Parse(fields["calls"], CultureInfo.InvariantCulture);
                    usec += long.Parse(fields["usec"], CultureInfo.InvariantCulture);
                }
            }
            return (cpu, calls, usec);
        }

        private static async System.Threading.Tasks.Task CleanAsync(StackExchange.Redis.IConnectionMultiplexer redis, string prefix)
        {
            var server = redis.GetServer(redis.GetEndPoints()[0]);
            var database = redis.GetDatabase();
            foreach (var key in server.Keys(pattern: prefix + ":*", pageSize: 1000))
            {
                await database.KeyDeleteAsync(key);
            }
        }
    }

    internal static partial class RedisBenchmark
    {
        /// <summary>The ceiling to compare against: a 3-command Lua EVAL, 50 clients, no pipelining.</summary>
        public const string Script = "redis.call('SET','rb:k','v'); redis.call('GET','rb:k'); return redis.call('INCR','rb:n')";

        /// <summary>Best of three runs: on a shared box a neighbour's burst would otherwise lower the ceiling.</summary>
        public static double Eval(int port) => Enumerable.Range(0, 3).Max(_ => Run(port, ["-c", "50", "-n", "200000", "-q", "eval", Script, "0"]));

        /// <summary>
        /// floor-cycle.lua (one minimal enqueue+offer+accept+release per EVALSHA) under the same load as the ceiling,
        /// best of three: an upper bound on any router's assignments/s on this Redis.
        /// </summary>
        public static async Task<double> FloorAsync(StackExchange.Redis.IConnectionMultiplexer redis, int port)
        {
            var database = redis.GetDatabase();
            for (var agent = 0; agent < 200; agent++)
            {
                await database.HashSetAsync($"floor:a:{agent}", [new("presence", "available"), new("cap:webchat", 3), new("load:webchat", 0), new("sk:support", 2)]);
                await database.SortedSetAddAsync("floor:avail", $"floor:a:{agent}", agent);
            }
            var server = redis.GetServer(redis.GetEndPoints()[0]);
            // EVALSHA rather than EVAL, which would hash the whole script text on every call.
            var sha = await server.ScriptLoadAsync(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "floor-cycle.lua")));
            var cycles = Enumerable.Range(0, 3).Max(_ => Run(port, ["-c", "50", "-n", "60000", "-r", "100000000", "-q", "evalsha", Convert.ToHexStringLower(sha), "0", "__rand_int__"]));
            foreach (var key in server.Keys(pattern: "floor:*", pageSize: 1000))
            {
                await database.KeyDeleteAsync(key);
            }
            return cycles;
        }

        private static double Run(int port, string[] args)
        {
            var start = new ProcessStartInfo("redis-benchmark")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            foreach (var arg in new[] { "-h", "127.0.0.1", "-p", port.ToString(CultureInfo.InvariantCulture) }.Concat(args))
            {
                start.ArgumentList.Add(arg);
            }
            using var process = Process.Start(start) ?? throw new InvalidOperationException("redis-benchmark did not start.");
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            var last = output.Split('\r', '\n').LastOrDefault(line => line.Contains("requests per second", StringComparison.Ordinal)) ?? "";
            Console.WriteLine("redis-benchmark: " + last.Trim());
            var match = Rps().Match(last);
            return match.Success ? double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        }

        [GeneratedRegex(@"([0-9.]+) requests per second")]
        private static partial Regex Rps();
    }
}
