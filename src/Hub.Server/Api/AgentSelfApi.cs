using ContactHub.Core.Routing;
using ContactHub.Core.Services;
using ContactHub.Core.Users;
using ContactHub.Server.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using IRouter = ContactHub.Core.Routing.IRouter;

namespace ContactHub.Server.Api;

public sealed record OfferDto(long ConversationId, DateTimeOffset ExpiresAt, AssignmentReason? Reason);

/// <summary>The optional body of a resolve: a disposition code from <c>Hub:Dispositions</c> (required for calls) and a note of at most 2000 characters.</summary>
public sealed record ResolveRequest(string? Disposition, string? Note);

public sealed record MeDto(long Id, string UserName, string DisplayName, string Role, AgentPresence Presence, AgentActivity Activity, int ActiveConversations, OfferDto? Offer);

/// <summary>
/// The signed-in agent's own routing: offers, answers, resolution. For agent clients (console, softphone
/// integrations); a bearer token acts for no agent, so these need the agent's session.
/// </summary>
public static class AgentSelfApi
{
    public static void MapAgentSelfApi(this WebApplication app)
    {
        var api = app.MapGroup("/api").RequireAuthorization(SecurityExtensions.StaffPolicy).DisableAntiforgery();
        api.MapGet("/me", MeAsync);
        api.MapPost("/me/offers/{conversationId:long}/accept", AcceptAsync);
        api.MapPost("/me/offers/{conversationId:long}/decline", DeclineAsync);
        api.MapPost("/conversations/{conversationId:long}/resolve", ResolveAsync);
        api.MapGet("/queues/live", LiveAsync);
    }

    private static async Task<Results<Ok<MeDto>, BadRequest<string>, NotFound>> MeAsync(HttpContext context, UserStore users, IRouter router, CancellationToken cancellationToken)
    {
        if (context.User.AgentId() is not { } agentId)
        {
            return TypedResults.BadRequest(NeedsAgent);
        }
        if (await users.AgentAsync(agentId, cancellationToken) is not { } agent)
        {
            return TypedResults.NotFound();
        }
        var state = await router.GetAgentStateAsync(agentId);
        var offer = state.PendingOffer is { } pending ? new OfferDto(pending.ConversationId, pending.ExpiresAt, pending.Reason) : null;
        return TypedResults.Ok(new MeDto(
            agent.Id, agent.UserName, agent.DisplayName, agent.Role,
            state.Presence, state.Activity, state.ActiveConversations, offer));
    }

    private static async Task<Results<NoContent, BadRequest<string>, Conflict<string>>> AcceptAsync(long conversationId, HttpContext context, AssignmentService assignments, CancellationToken cancellationToken)
    {
        if (context.User.AgentId() is not { } agentId)
        {
            return TypedResults.BadRequest(NeedsAgent);
        }
        return await assignments.AcceptAsync(agentId, conversationId, cancellationToken)
            ? TypedResults.NoContent()
            : TypedResults.Conflict("There is no live offer of this conversation to you (it expired or went to someone else).");
    }

    private static async Task<Results<NoContent, BadRequest<string>>> DeclineAsync(long conversationId, HttpContext context, AssignmentService assignments)
    {
        if (context.User.AgentId() is not { } agentId)
        {
            return TypedResults.BadRequest(NeedsAgent);
        }
        await assignments.DeclineAsync(agentId, conversationId);
        return TypedResults.NoContent();
    }

    private static async Task<Results<NoContent, BadRequest<string>, Conflict<string>>> ResolveAsync(
        long conversationId, [FromBody] ResolveRequest? request, HttpContext context, AssignmentService assignments, CancellationToken cancellationToken)
    {
        if (context.User.AgentId() is not { } agentId)
        {
            return TypedResults.BadRequest(NeedsAgent);
        }
        var wrapUp = request is null ? WrapUp.None : new WrapUp(request.Disposition, request.Note);
        var outcome = await assignments.ResolveAsync(agentId, conversationId, wrapUp, cancellationToken);
        if (outcome.Invalid is { } reason)
        {
            return TypedResults.BadRequest(reason);
        }
        return outcome.Resolved
            ? TypedResults.NoContent()
            : TypedResults.Conflict("Only the assignee can resolve an open conversation.");
    }

    private static async Task<Ok<LiveQueues>> LiveAsync([FromServices] IQueueMetrics metrics) => TypedResults.Ok(await metrics.GetLiveAsync());

    private const string NeedsAgent = "This endpoint acts for the signed-in agent; API tokens act for no agent.";
}
