using ContactHub.Core.Services;
using ContactHub.Core.Store;
using ContactHub.Server.Security;

namespace ContactHub.Server.Api;

/// <summary>
/// Plays call recordings (voicemails, recorded conversations) to staff. The provider wants the account's credentials
/// for the audio, so the hub fetches it and streams it on; the browser never sees the provider's URL or a secret.
/// </summary>
public static class CallRecordingApi
{
    public static void MapCallRecordingApi(this WebApplication app)
    {
        // A hub without a voice provider has no recordings to play.
        if (app.Services.GetService<IRecordingAudioSource>() is not null)
        {
            app.MapGet("/api/calls/recordings/{recordingSid}", PlayAsync).RequireAuthorization(SecurityExtensions.StaffPolicy);
        }
    }

    private static async Task<IResult> PlayAsync(string recordingSid, HttpContext context, CallRecordings recordings, IRecordingAudioSource source, CancellationToken cancellationToken)
    {
        if (recordingSid.Length > 64 || await recordings.FindAsync(recordingSid, cancellationToken) is not { } recording)
        {
            return TypedResults.NotFound();
        }
        if (!recording.IsPlayable)
        {
            return TypedResults.Problem($"The recording is not playable (status: {recording.Status ?? "not reported yet"}).", statusCode: StatusCodes.Status409Conflict);
        }
        var audio = await source.OpenAsync(recording.RecordingSid, cancellationToken);
        if (audio.Outcome != RecordingAudioOutcome.Found)
        {
            audio.Dispose();
            return audio.Outcome == RecordingAudioOutcome.NotFound
                ? TypedResults.Problem("The provider no longer has this recording.", statusCode: StatusCodes.Status404NotFound)
                : TypedResults.Problem($"The recording could not be fetched: {audio.Reason}", statusCode: StatusCodes.Status502BadGateway);
        }
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.CacheControl = "private, no-store";
        headers.ContentDisposition = "inline";
        if (audio.Length is { } length)
        {
            context.Response.ContentLength = length;
        }
        return TypedResults.Stream(
            async body =>
            {
                using (audio)
                {
                    await audio.Content!.CopyToAsync(body, context.RequestAborted);
                }
            },
            audio.ContentType);
    }
}
