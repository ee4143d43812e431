-- Store-side routing configuration: queues with business hours, ordered routing rules, agent routing profiles,
-- and customer attributes the rules can match on. The router receives all of it through IRouterControl.
CREATE TABLE queues (
    name TEXT PRIMARY KEY,
    display_name TEXT NOT NULL,
    priority INTEGER NOT NULL,
    service_level_seconds INTEGER NOT NULL,
    offer_timeout_seconds INTEGER NOT NULL,
    wrap_up_seconds INTEGER NOT NULL,
    sticky_seconds INTEGER NOT NULL,
    -- An unanswered customer message older than this lets a supervisor (or the router) take the conversation back; 0 = no timer.
    reply_timer_seconds INTEGER NOT NULL,
    team TEXT NULL,
    required_skills_json TEXT NOT NULL,
    overflow_json TEXT NOT NULL,
    time_zone TEXT NOT NULL,
    business_hours_json TEXT NOT NULL,
    out_of_hours_reply TEXT NULL,
    max_consecutive_timeouts INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);

CREATE TABLE routing_rules (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    position INTEGER NOT NULL UNIQUE,
    name TEXT NOT NULL,
    channel TEXT NULL,
    keyword TEXT NULL,
    attribute_key TEXT NULL,
    attribute_value TEXT NULL,
    queue TEXT NOT NULL REFERENCES queues(name),
    priority INTEGER NULL,
    required_skills_json TEXT NOT NULL
);

CREATE TABLE agent_profiles (
    agent_id INTEGER PRIMARY KEY REFERENCES users(id),
    team TEXT NULL,
    skills_json TEXT NOT NULL,
    capacity_json TEXT NOT NULL,
    updated_at INTEGER NOT NULL
);

ALTER TABLE contacts ADD COLUMN attributes_json TEXT NOT NULL DEFAULT '{}';

-- The queue every conversation used before rules existed: always open, so upgrading changes nothing.
INSERT INTO queues (name, display_name, priority, service_level_seconds, offer_timeout_seconds, wrap_up_seconds, sticky_seconds,
                    reply_timer_seconds, team, required_skills_json, overflow_json, time_zone, business_hours_json,
                    out_of_hours_reply, max_consecutive_timeouts, updated_at)
VALUES ('general', 'General', 0, 60, 20, 0, 0, 0, NULL, '{}', '[]', 'UTC', '{}', NULL, 2, 0);
