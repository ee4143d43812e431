-- Customers who told us to stop texting them (SMS STOP and its synonyms). One row per channel address; a START
-- deletes it. Kept in the store, not in memory, so every hub node and every restart refuses the same sends.
CREATE TABLE opt_outs (
    channel TEXT NOT NULL,
    address TEXT NOT NULL,
    keyword TEXT NOT NULL,
    opted_out_at BIGINT NOT NULL,
    PRIMARY KEY (channel, address)
);
