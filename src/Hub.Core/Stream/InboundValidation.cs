namespace ContactHub.Core.Stream;

/// <summary>Limits every adapter enforces before the stream sees a payload, so bad input is a 4xx, not a store error.</summary>
public static class InboundLimits
{
    public const int MaxTextLength = 16_000;
    public const int MaxExternalIdLength = 200;
    public const int MaxAddressLength = 320;
    public const int MaxAttachments = 10;
}
