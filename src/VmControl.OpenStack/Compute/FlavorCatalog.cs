using Microsoft.Extensions.Options;

namespace VmControl.OpenStack.Compute;

/// <summary>The configured flavors, looked up by id (what clients send as <c>flavorRef</c>) or by VmControl size.</summary>
public sealed class FlavorCatalog(IOptions<OpenStackOptions> options)
{
    public IReadOnlyList<FlavorOption> All { get; } =
        options.Value.Flavors.Count > 0 ? options.Value.Flavors : FlavorOption.Defaults;

    /// <summary>The flavor of a <c>flavorRef</c>: an id, or a link ending in one.</summary>
    public FlavorOption? ById(string? reference)
    {
        if (string.IsNullOrEmpty(reference))
        {
            return null;
        }

        var id = reference.TrimEnd('/');
        id = id[(id.LastIndexOf('/') + 1)..];
        return All.FirstOrDefault(f => f.Id == id);
    }

    public FlavorOption? BySize(string size) => All.FirstOrDefault(f => f.SizeName == size);
}
