using ContactHub.Core.Domain;
using ContactHub.Core.Outbound;
using ContactHub.Core.Routing;
using ContactHub.Core.Services;
using ContactHub.Core.Store;
using ContactHub.Core.Users;
using IRouter = ContactHub.Core.Routing.IRouter;
using ContactHub.Server.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ContactHub.Server.Api;

/// <summary>The REST API of DESIGN.md: JSON, bearer token or console cookie, role-checked on every endpoint.</summary>
public static class HubApi
{
    public static void MapHubApi(this WebApplication app)
    {
        var api = app.MapGroup("/api").RequireAuthorization(SecurityExtensions.StaffPolicy).DisableAntiforgery();
        api.MapGet("/contacts", SearchContactsAsync);
        api.MapGet("/contacts/{id:long}", GetContactAsync);
        api.MapGet("/contacts/{id:long}/timeline", TimelineAsync);
        api.MapGet("/conversations/{id:long}", GetConversationAsync);
        api.MapPost("/conversations/{id:long}/replies", ReplyAsync);
        api.MapGet("/conversations/{id:long}/reply-options", ReplyOptionsAsync);
        api.MapGet("/agents", AgentsAsync);
        api.MapPut("/agents/{id:long}/presence", SetPresenceAsync);
    }

    private static async Task<Results<Ok<List<ContactSummary>>, BadRequest<string>>> SearchContactsAsync(string? q, ContactDirectory contacts, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(q) || q.Length > 200)
        {
            return TypedResults.BadRequest("q is required (1-200 characters).");
        }
        var found = await contacts.SearchAsync(q, 50, cancellationToken);
        return TypedResults.Ok(found.Select(ContactSummary.From).ToList());
    }

    private static async Task<Results<Ok<ContactSummary>, NotFound>> GetContactAsync(long id, ContactDirectory contacts, CancellationToken cancellationToken) =>
        await contacts.GetAsync(id, cancellationToken) is { } contact ? TypedResults.Ok(ContactSummary.From(contact)) : TypedResults.NotFound();

    private static async Task<Results<Ok<List<InteractionDto>>, NotFound>> TimelineAsync(
        long id, long? before, int? limit, ContactDirectory contacts, CancellationToken cancellationToken)
    {
        if (await contacts.GetAsync(id, cancellationToken) is null)
        {
            return TypedResults.NotFound();
        }
        var contact = await contacts.GetAsync(id, cancellationToken);
        var page = await contacts.TimelineAsync(contact!.Id, before, limit ?? ContactDirectory.MaxTimelinePage, cancellationToken);
        return TypedResults.Ok(page.Select(InteractionDto.From).ToList());
    }

    private static async Task<Results<Ok<ConversationDto>, NotFound>> GetConversationAsync(long id, ConversationRepository conversations, CancellationToken cancellationToken)
    {
        if (await conversations.GetAsync(id, cancellationToken) is not { } c)
        {
            return TypedResults.NotFound();
        }
        var interactions = await conversations.InteractionsAsync(id, cancellationToken);
        return TypedResults.Ok(new ConversationDto(
            c.Id, c.ContactId, c.Channel.ToWire(), c.State.ToString().ToLowerInvariant(), c.Queue, c.AssigneeId, c.CreatedAt, c.LastActivityAt,
            interactions.Select(InteractionDto.From).ToList()));
    }

    private static async Task<Results<Accepted<InteractionDto>, BadRequest<string>, NotFound, ProblemHttpResult>> ReplyAsync(
        long id, ReplyBody body, HttpContext context, ReplyService replies, CancellationToken cancellationToken)
    {
        TemplateMessage? template = null;
        if (body.Template is { } requested)
        {
            if (string.IsNullOrWhiteSpace(requested.Name) || string.IsNullOrWhiteSpace(requested.Language) || requested.Parameters is { Count: > 20 })
            {
                return TypedResults.BadRequest("template needs a name and a language (and at most 20 parameters).");
            }
            template = new TemplateMessage(requested.Name.Trim(), requested.Language.Trim(), requested.Parameters ?? []);
        }
        else if (string.IsNullOrWhiteSpace(body.Text) || body.Text.Length > ReplyLimits.Longest)
        {
            return TypedResults.BadRequest($"text is required (1-{ReplyLimits.Longest} characters; less on chat and SMS channels) unless a template is given.");
        }
        ChannelKind? channel = null;
        if (body.Channel is not null)
        {
            if (!ChannelNames.TryParse(body.Channel, out var parsed))
            {
                return TypedResults.BadRequest($"Unknown channel '{body.Channel}'.");
            }
            channel = parsed;
        }
        return await replies.ReplyAsync(id, new ReplyRequest(body.Text ?? "", channel) { Template = template }, context.User.AgentId(), cancellationToken) switch
        {
            ReplyQueued queued => TypedResults.Accepted($"/api/conversations/{id}", InteractionDto.From(queued.Interaction)),
            // 409: the request is fine but the customer's state forbids it; the code lets clients react, the detail explains.
            ReplyRefused { Code: ReplyService.TooLongCode } tooLong => TypedResults.BadRequest(tooLong.Reason),
            ReplyRefused refused => TypedResults.Problem(refused.Reason, statusCode: StatusCodes.Status409Conflict, title: refused.Code),
            _ => TypedResults.NotFound(),
        };
    }

    /// <summary>What the reply box needs before the agent types: may free text go out, and if not, why and which templates may.</summary>
    private static async Task<Results<Ok<ReplyOptionsDto>, NotFound>> ReplyOptionsAsync(
        long id, ConversationRepository conversations, CustomerServiceWindows windows, IMessageTemplates templates, CancellationToken cancellationToken)
    {
        if (await conversations.GetAsync(id, cancellationToken) is not { } conversation)
        {
            return TypedResults.NotFound();
        }
        var window = await windows.StateAsync(conversation.ContactId, conversation.Channel, cancellationToken);
        var offered = templates.For(conversation.Channel).Select(t => new TemplateDto(t.Name, t.Language, t.Body, t.ParameterCount)).ToList();
        return TypedResults.Ok(new ReplyOptionsDto(conversation.Channel.ToWire(), window.IsOpen, window.LastInboundAt, window.Reason, offered));
    }

    private static async Task<Ok<List<AgentDto>>> AgentsAsync(UserStore users, IRouter router, CancellationToken cancellationToken)
    {
        var agents = new List<AgentDto>();
        foreach (var agent in await users.AgentsAsync(cancellationToken))
        {
            var state = await router.GetAgentStateAsync(agent.Id);
            agents.Add(new AgentDto(agent.Id, agent.UserName, agent.DisplayName, agent.Role, state.Presence.ToString().ToLowerInvariant(), state.Activity, state.ActiveConversations));
        }
        return TypedResults.Ok(agents);
    }

    private static async Task<Results<NoContent, BadRequest<string>, NotFound, ForbidHttpResult>> SetPresenceAsync(
        long id, PresenceBody body, HttpContext context, UserStore users, AssignmentService assignments, CancellationToken cancellationToken)
    {
        // Agents set their own presence; supervisors and admins may set anyone's.
        if (context.User.AgentId() != id && !context.User.IsInRole(Roles.Supervisor) && !context.User.IsInRole(Roles.Admin))
        {
            return TypedResults.Forbid();
        }
        if (!Enum.TryParse<AgentPresence>(body.Presence, ignoreCase: true, out var presence) || !Enum.IsDefined(presence) || int.TryParse(body.Presence, out _))
        {
            return TypedResults.BadRequest("presence must be available, away or offline.");
        }
        if (await users.AgentAsync(id, cancellationToken) is null)
        {
            return TypedResults.NotFound();
        }
        if (presence == AgentPresence.Away && !string.IsNullOrWhiteSpace(body.Reason))
        {
            if (body.Reason.Length > 40)
            {
                return TypedResults.BadRequest("reason is at most 40 characters.");
            }
            await assignments.SetAwayAsync(id, body.Reason.Trim());
        }
        else
        {
            await assignments.SetPresenceAsync(id, presence);
        }
        return TypedResults.NoContent();
    }
}
