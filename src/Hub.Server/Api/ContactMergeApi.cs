using ContactHub.Core.Store;
using ContactHub.Server.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ContactHub.Server.Api;

public sealed record MergeSuggestionDto(long Id, long CandidateId, string CandidateName, string Reason, string ReasonText, DateTimeOffset SuggestedAt);

public sealed record MergeBody(long? OtherContactId);

public sealed record MergeResultDto(long SurvivorId);

/// <summary>Merge suggestions and merging on a staff member's word: what turns several contacts into one timeline.</summary>
public static class ContactMergeApi
{
    public static void MapContactMergeApi(this WebApplication app)
    {
        var api = app.MapGroup("/api").RequireAuthorization(SecurityExtensions.StaffPolicy).DisableAntiforgery();
        api.MapGet("/contacts/{id:long}/merge-suggestions", SuggestionsAsync);
        api.MapPost("/contacts/{id:long}/merge", MergeAsync);
        api.MapPost("/merge-suggestions/{id:long}/dismiss", DismissAsync);
    }

    private static async Task<Results<Ok<List<MergeSuggestionDto>>, NotFound>> SuggestionsAsync(
        long id, ContactDirectory contacts, ContactMerges merges, CancellationToken cancellationToken)
    {
        if (await contacts.GetAsync(id, cancellationToken) is not { } contact)
        {
            return TypedResults.NotFound();
        }
        var suggestions = await merges.OpenSuggestionsAsync(contact.Id, cancellationToken);
        return TypedResults.Ok(suggestions.Select(s => new MergeSuggestionDto(s.Id, s.CandidateId, s.CandidateName, s.Reason, s.ReasonText, s.SuggestedAt)).ToList());
    }

    private static async Task<Results<Ok<MergeResultDto>, BadRequest<string>, NotFound<string>, Conflict<string>>> MergeAsync(
        long id, MergeBody? body, HttpContext context, ContactMerges merges, CancellationToken cancellationToken)
    {
        if (body?.OtherContactId is not { } other || other <= 0)
        {
            return TypedResults.BadRequest("otherContactId is required.");
        }
        if (other == id)
        {
            return TypedResults.BadRequest("A contact cannot be merged with itself.");
        }
        var (outcome, survivor) = await merges.MergeAsync(id, other, DecidedBy(context), cancellationToken);
        return outcome switch
        {
            MergeOutcome.Merged => TypedResults.Ok(new MergeResultDto(survivor)),
            MergeOutcome.ContactMissing => TypedResults.NotFound("One of the contacts does not exist."),
            _ => TypedResults.Conflict("One of the contacts was already merged into another; reload and try again."),
        };
    }

    private static async Task<Results<NoContent, NotFound>> DismissAsync(long id, HttpContext context, ContactMerges merges, CancellationToken cancellationToken) =>
        await merges.DismissAsync(id, DecidedBy(context), cancellationToken) ? TypedResults.NoContent() : TypedResults.NotFound();

    private static string DecidedBy(HttpContext context) => context.User.Identity?.Name ?? "staff";
}
