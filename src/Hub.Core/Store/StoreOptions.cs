namespace ContactHub.Core.Store;

public enum StoreProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Bound from <c>Store:Provider</c> and <c>ConnectionStrings:Store</c>.</summary>
public sealed class StoreOptions
{
    public StoreProvider Provider { get; set; } = StoreProvider.Sqlite;

    public string ConnectionString { get; set; } = "Data Source=contacthub.db";
}
