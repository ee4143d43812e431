using ContactHub.Channels.Email.Threading;
using ContactHub.Core.Outbound;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ContactHub.Channels.Email;

public static class EmailChannelExtensions
{
    /// <summary>E-mail in from the IMAP mailbox in <c>Email:Imap</c>, replies out through <c>Email:Smtp</c>; each only when its host is configured.</summary>
    public static IServiceCollection AddEmailChannel(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ImapIngestOptions>().BindConfiguration("Email:Imap")
            .Validate(o => !o.Enabled || (o.UserName.Length > 0 && o.Password.Length > 0 && o.Port is > 0 and < 65536),
                "Email:Imap needs UserName, Password and a valid Port when Host is set.")
            .ValidateOnStart();
        services.AddOptions<EmailSendOptions>().BindConfiguration("Email:Smtp")
            .Validate(o => o.Host.Length == 0 || (o.From.Contains('@') && o.Port is > 0 and < 65536),
                "Email:Smtp needs From (the support address) and a valid Port when Host is set.")
            .ValidateOnStart();
        services.AddOptions<EmailThreadingOptions>().BindConfiguration("Email:Threading")
            .Validate(o => o.TokenKey.Length is 0 or >= EmailThreadingOptions.MinTokenKeyLength,
                $"Email:Threading:TokenKey must be at least {EmailThreadingOptions.MinTokenKeyLength} characters (or empty for a key kept in the store).")
            .ValidateOnStart();
        services.AddSingleton<ConversationTokenKey>();
        if (configuration.GetSection("Email:Smtp")["Host"] is { Length: > 0 })
        {
            services.AddSingleton<ReplyAddresses>();
            services.AddSingleton<IChannelSender, EmailSender>();
        }
        if (configuration.GetSection("Email:Imap")["Host"] is { Length: > 0 })
        {
            services.AddSingleton<ImapCursorCheckpoints>();
            services.AddHostedService<ImapIngestService>();
        }
        return services;
    }
}
