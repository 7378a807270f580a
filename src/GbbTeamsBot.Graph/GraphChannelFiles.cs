using Microsoft.Graph;

namespace GbbTeamsBot.Graph;

/// <summary>GET /teams/{group}/channels/{channel}/filesFolder, then PUT /drives/{drive}/items/{folder}:/{name}:/content.</summary>
public sealed class GraphChannelFiles(GraphServiceClient client) : IChannelFiles
{
    public async Task<FiledDocument> UploadAsync(string teamGroupId, string channelId, string fileName, byte[] content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var folder = await GraphErrors.CallAsync(
            () => client.Teams[teamGroupId].Channels[channelId].FilesFolder.GetAsync(cancellationToken: cancellationToken),
            cancellationToken).ConfigureAwait(false);
        var driveId = folder?.ParentReference?.DriveId;
        if (folder?.Id is not { } folderId || driveId is null)
        {
            throw new GraphCallException(GraphFailureKind.NotFound, 404, "filesFolderMissing", null, null);
        }

        using var stream = new MemoryStream(content, writable: false);
        var item = await GraphErrors.CallAsync(
            () => client.Drives[driveId].Items[folderId].ItemWithPath(fileName).Content.PutAsync(stream, cancellationToken: cancellationToken),
            cancellationToken).ConfigureAwait(false);
        return new FiledDocument(item?.Id ?? string.Empty, item?.WebUrl);
    }
}
