using ContactHub.Core.Routing;
using ContactHub.Core.Store;
using Dapper;

namespace ContactHub.Core.Config;

/// <summary>Queues in the store. Validation is <see cref="RoutingValidation"/>'s job; this class only persists.</summary>
public sealed class QueueStore(StoreConnections connections, TimeProvider time)
{
    private const string Select =
        """
        SELECT name, display_name, priority, service_level_seconds, offer_timeout_seconds, wrap_up_seconds, sticky_seconds,
               reply_timer_seconds, team, required_skills_json, overflow_json, time_zone, business_hours_json,
               out_of_hours_reply, max_consecutive_timeouts, email_from, email_from_name, voicemail_after_seconds, record_calls
        FROM queues
        """;

    public async Task<IReadOnlyList<QueueDefinition>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<QueueRow>(Select + " ORDER BY name");
        return rows.Select(r => r.ToDefinition()).ToList();
    }

    public async Task<QueueDefinition?> GetAsync(string name, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<QueueRow>(Select + " WHERE name = @name", new { name });
        return row?.ToDefinition();
    }

    /// <returns>True when the queue was created, false when an existing one was replaced.</returns>
    public async Task<bool> UpsertAsync(QueueDefinition queue, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var existed = await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM queues WHERE name = @Name", new { queue.Name }, transaction) > 0;
        await connection.ExecuteAsync(
            """
            INSERT INTO queues (name, display_name, priority, service_level_seconds, offer_timeout_seconds, wrap_up_seconds, sticky_seconds,
                                reply_timer_seconds, team, required_skills_json, overflow_json, time_zone, business_hours_json,
                                out_of_hours_reply, max_consecutive_timeouts, email_from, email_from_name, voicemail_after_seconds,
                                record_calls, updated_at)
            VALUES (@Name, @DisplayName, @Priority, @ServiceLevelSeconds, @OfferTimeoutSeconds, @WrapUpSeconds, @StickySeconds,
                    @ReplyTimerSeconds, @Team, @Skills, @Overflow, @TimeZone, @Hours, @OutOfHoursReply, @MaxConsecutiveTimeouts,
                    @EmailFrom, @EmailFromName, @VoicemailAfterSeconds, @RecordCalls, @Now)
            ON CONFLICT (name) DO UPDATE SET
                display_name = excluded.display_name, priority = excluded.priority,
                service_level_seconds = excluded.service_level_seconds, offer_timeout_seconds = excluded.offer_timeout_seconds,
                wrap_up_seconds = excluded.wrap_up_seconds, sticky_seconds = excluded.sticky_seconds,
                reply_timer_seconds = excluded.reply_timer_seconds, team = excluded.team,
                required_skills_json = excluded.required_skills_json, overflow_json = excluded.overflow_json,
                time_zone = excluded.time_zone, business_hours_json = excluded.business_hours_json,
                out_of_hours_reply = excluded.out_of_hours_reply, max_consecutive_timeouts = excluded.max_consecutive_timeouts,
                email_from = excluded.email_from, email_from_name = excluded.email_from_name,
                voicemail_after_seconds = excluded.voicemail_after_seconds, record_calls = excluded.record_calls,
                updated_at = excluded.updated_at
            """,
            new
            {
                queue.Name,
                queue.DisplayName,
                queue.Priority,
                queue.ServiceLevelSeconds,
                queue.OfferTimeoutSeconds,
                queue.WrapUpSeconds,
                queue.StickySeconds,
                queue.ReplyTimerSeconds,
                queue.Team,
                Skills = ConfigJson.Write(queue.RequiredSkills),
                Overflow = ConfigJson.Write(queue.Overflow),
                queue.TimeZone,
                Hours = ConfigJson.Write(queue.Hours),
                queue.OutOfHoursReply,
                queue.MaxConsecutiveTimeouts,
                EmailFrom = string.IsNullOrWhiteSpace(queue.EmailFrom) ? null : queue.EmailFrom.Trim(),
                EmailFromName = string.IsNullOrWhiteSpace(queue.EmailFromName) ? null : queue.EmailFromName.Trim(),
                queue.VoicemailAfterSeconds,
                queue.RecordCalls,
                Now = time.GetUtcNow().ToUnixTimeMilliseconds(),
            },
            transaction);
        await transaction.CommitAsync(cancellationToken);
        return !existed;
    }

    public async Task<bool> DeleteAsync(string name, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync("DELETE FROM queues WHERE name = @name", new { name }) == 1;
    }

    private sealed class QueueRow
    {
        public string Name { get; set; } = "";
        public string DisplayName { get; set; } = "";
        public int Priority { get; set; }
        public int ServiceLevelSeconds { get; set; }
        public int OfferTimeoutSeconds { get; set; }
        public int WrapUpSeconds { get; set; }
        public int StickySeconds { get; set; }
        public int ReplyTimerSeconds { get; set; }
        public string? Team { get; set; }
        public string? RequiredSkillsJson { get; set; }
        public string? OverflowJson { get; set; }
        public string TimeZone { get; set; } = "UTC";
        public string? BusinessHoursJson { get; set; }
        public string? OutOfHoursReply { get; set; }
        public int MaxConsecutiveTimeouts { get; set; }
        public string? EmailFrom { get; set; }
        public string? EmailFromName { get; set; }
        public int VoicemailAfterSeconds { get; set; }
        public bool RecordCalls { get; set; }

        public QueueDefinition ToDefinition() => new(Name)
        {
            DisplayName = DisplayName,
            Priority = Priority,
            ServiceLevelSeconds = ServiceLevelSeconds,
            OfferTimeoutSeconds = OfferTimeoutSeconds,
            WrapUpSeconds = WrapUpSeconds,
            StickySeconds = StickySeconds,
            ReplyTimerSeconds = ReplyTimerSeconds,
            Team = Team,
            RequiredSkills = ConfigJson.Skills(RequiredSkillsJson),
            Overflow = ConfigJson.Read<List<OverflowStep>>(OverflowJson, []),
            TimeZone = TimeZone,
            Hours = ConfigJson.Read(BusinessHoursJson, BusinessHoursSpec.AlwaysOpen),
            OutOfHoursReply = OutOfHoursReply,
            MaxConsecutiveTimeouts = MaxConsecutiveTimeouts,
            EmailFrom = EmailFrom,
            EmailFromName = EmailFromName,
            VoicemailAfterSeconds = VoicemailAfterSeconds,
            RecordCalls = RecordCalls,
        };
    }
}
