using System.Text;
using ContactHub.Core.Store;
using Microsoft.Extensions.Options;

namespace ContactHub.Channels.Email.Threading;

/// <summary>The token key of this hub: <c>Email:Threading:TokenKey</c> when configured, else one kept in the store.</summary>
public sealed class ConversationTokenKey(IOptions<EmailThreadingOptions> options, HubSecrets secrets)
{
    private const string SecretName = "email-conversation-token";
    private ConversationTokens? _tokens;

    public async ValueTask<ConversationTokens> TokensAsync(CancellationToken cancellationToken)
    {
        if (_tokens is { } known)
        {
            return known;
        }
        var key = options.Value.TokenKey is { Length: > 0 } configured
            ? Encoding.UTF8.GetBytes(configured)
            : await secrets.GetOrCreateAsync(SecretName, 32, cancellationToken);
        // Two callers racing both build the same tokens from the same key; either result is fine to keep.
        return _tokens = new ConversationTokens(key);
    }
}
