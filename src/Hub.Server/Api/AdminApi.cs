using ContactHub.Core.Config;
using ContactHub.Server.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ContactHub.Server.Api;

/// <summary>
/// Routing configuration for admins: queues, the ordered rules, agent profiles; and contact attributes for
/// supervisors. Every refusal is a 4xx with a reason; every accepted change reaches the router before the answer.
/// </summary>
public static class AdminApi
{
    public static void MapAdminApi(this WebApplication app)
    {
        var admin = app.MapGroup("/api/admin").RequireAuthorization(SecurityExtensions.AdminPolicy).DisableAntiforgery();
        admin.MapGet("/queues", ListQueuesAsync);
        admin.MapGet("/queues/{name}", GetQueueAsync);
        admin.MapPut("/queues/{name}", PutQueueAsync);
        admin.MapDelete("/queues/{name}", DeleteQueueAsync);
        admin.MapGet("/rules", ListRulesAsync);
        admin.MapPut("/rules", PutRulesAsync);
        admin.MapGet("/agents/{id:long}/profile", GetProfileAsync);
        admin.MapPut("/agents/{id:long}/profile", PutProfileAsync);

        var contacts = app.MapGroup("/api/contacts").DisableAntiforgery();
        contacts.MapGet("/{id:long}/attributes", GetAttributesAsync).RequireAuthorization(SecurityExtensions.StaffPolicy);
        contacts.MapPut("/{id:long}/attributes", PutAttributesAsync).RequireAuthorization(SecurityExtensions.SupervisorPolicy);
    }

    private static async Task<Ok<IReadOnlyList<QueueDefinition>>> ListQueuesAsync(QueueStore queues, CancellationToken cancellationToken) =>
        TypedResults.Ok(await queues.ListAsync(cancellationToken));

    private static async Task<Results<Ok<QueueDefinition>, NotFound>> GetQueueAsync(string name, QueueStore queues, CancellationToken cancellationToken) =>
        await queues.GetAsync(name, cancellationToken) is { } queue ? TypedResults.Ok(queue) : TypedResults.NotFound();

    /// <summary>Creates or replaces the queue; the name comes from the path, whatever the body says.</summary>
    private static async Task<Results<Created<QueueDefinition>, Ok<QueueDefinition>, BadRequest<string>>> PutQueueAsync(
        string name, QueueDefinition body, RoutingAdministration administration, QueueStore queues, CancellationToken cancellationToken)
    {
        var result = await administration.SaveQueueAsync(body with { Name = name }, cancellationToken);
        if (!result.Succeeded)
        {
            return TypedResults.BadRequest(result.Error);
        }
        var stored = (await queues.GetAsync(name, cancellationToken))!;
        return result.Outcome == AdminOutcome.Created
            ? TypedResults.Created($"/api/admin/queues/{name}", stored)
            : TypedResults.Ok(stored);
    }

    private static async Task<Results<NoContent, NotFound, BadRequest<string>, Conflict<string>>> DeleteQueueAsync(
        string name, RoutingAdministration administration, CancellationToken cancellationToken)
    {
        var result = await administration.DeleteQueueAsync(name, cancellationToken);
        return result.Outcome switch
        {
            AdminOutcome.Deleted => TypedResults.NoContent(),
            AdminOutcome.NotFound => TypedResults.NotFound(),
            AdminOutcome.Conflict => TypedResults.Conflict(result.Error),
            _ => TypedResults.BadRequest(result.Error),
        };
    }

    private static async Task<Ok<IReadOnlyList<RoutingRule>>> ListRulesAsync(RoutingRuleStore rules, CancellationToken cancellationToken) =>
        TypedResults.Ok(await rules.ListAsync(cancellationToken));

    /// <summary>Replaces the whole ordered list; the first rule whose conditions all match decides.</summary>
    private static async Task<Results<Ok<IReadOnlyList<RoutingRule>>, BadRequest<string>>> PutRulesAsync(
        List<RoutingRule> body, RoutingAdministration administration, RoutingRuleStore rules, CancellationToken cancellationToken)
    {
        var result = await administration.ReplaceRulesAsync(body, cancellationToken);
        return result.Succeeded ? TypedResults.Ok(await rules.ListAsync(cancellationToken)) : TypedResults.BadRequest(result.Error);
    }

    private static async Task<Results<Ok<AgentProfileInput>, NotFound>> GetProfileAsync(long id, RoutingAdministration administration, CancellationToken cancellationToken) =>
        await administration.GetAgentProfileAsync(id, cancellationToken) is { } profile ? TypedResults.Ok(profile) : TypedResults.NotFound();

    private static async Task<Results<Ok<AgentProfileInput>, NotFound, BadRequest<string>>> PutProfileAsync(
        long id, AgentProfileInput body, RoutingAdministration administration, CancellationToken cancellationToken)
    {
        var result = await administration.SaveAgentProfileAsync(id, body, cancellationToken);
        return result.Outcome switch
        {
            AdminOutcome.Saved => TypedResults.Ok((await administration.GetAgentProfileAsync(id, cancellationToken))!),
            AdminOutcome.NotFound => TypedResults.NotFound(),
            _ => TypedResults.BadRequest(result.Error),
        };
    }

    private static async Task<Results<Ok<IReadOnlyDictionary<string, string>>, NotFound>> GetAttributesAsync(long id, ContactAttributes attributes, CancellationToken cancellationToken) =>
        await attributes.GetAsync(id, cancellationToken) is { } values ? TypedResults.Ok(values) : TypedResults.NotFound();

    /// <summary>Replaces the contact's attributes; routing rules read them when the contact's next conversation opens.</summary>
    private static async Task<Results<Ok<IReadOnlyDictionary<string, string>>, NotFound, BadRequest<string>>> PutAttributesAsync(
        long id, Dictionary<string, string> body, RoutingAdministration administration, ContactAttributes attributes, CancellationToken cancellationToken)
    {
        var result = await administration.SetContactAttributesAsync(id, body, cancellationToken);
        return result.Outcome switch
        {
            AdminOutcome.Saved => TypedResults.Ok((await attributes.GetAsync(id, cancellationToken))!),
            AdminOutcome.NotFound => TypedResults.NotFound(),
            _ => TypedResults.BadRequest(result.Error),
        };
    }
}
