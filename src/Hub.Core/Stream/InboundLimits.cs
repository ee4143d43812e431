namespace ContactHub.Core.Stream;

/// <summary>Limits adapters enforce before the stream sees a payload, so bad input is a 4xx, not a store error.</summary>
public static class InboundLimits
{
    public const int MaxAddressLength = 320;
}
