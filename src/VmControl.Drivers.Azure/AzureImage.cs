using Azure.ResourceManager.Compute.Models;

namespace VmControl.Drivers.Azure;

/// <summary>Parses the command's image into an ARM image reference: a marketplace URN or a custom/gallery image id.</summary>
internal static class AzureImage
{
    // The resource types an image reference's id may name: a managed image, a gallery image (its latest version),
    // or one gallery image version.
    private static readonly string[] ImageTypes =
    [
        "Microsoft.Compute/images",
        "Microsoft.Compute/galleries/images",
        "Microsoft.Compute/galleries/images/versions",
    ];

    /// <summary>"publisher:offer:sku:version" or a resource id; anything else is a permanent <c>invalid_image</c>.</summary>
    public static ImageReference Parse(string? image)
    {
        if (string.IsNullOrWhiteSpace(image))
        {
            throw Invalid(image, "no image was given");
        }

        image = image.Trim();
        return image.StartsWith('/') ? FromResourceId(image) : FromUrn(image);
    }

    private static ImageReference FromResourceId(string image)
    {
        if (!ResourceIdentifier.TryParse(image, out var id) || id is null || id.SubscriptionId is null)
        {
            throw Invalid(image, "it is not an Azure resource id");
        }

        var type = id.ResourceType.ToString();
        if (!ImageTypes.Contains(type, StringComparer.OrdinalIgnoreCase))
        {
            throw Invalid(image, $"a {type} is not an image (expected a managed image or a gallery image or image version)");
        }

        return new ImageReference { Id = id };
    }

    private static ImageReference FromUrn(string image)
    {
        var parts = image.Split(':');
        if (parts.Length != 4 || parts.Any(p => p.Length == 0 || p.Any(c => char.IsWhiteSpace(c) || c is '/' or '?' or '#')))
        {
            throw Invalid(image, "expected publisher:offer:sku:version (e.g. Canonical:ubuntu-24_04-lts:server:latest) or an image resource id");
        }

        return new ImageReference { Publisher = parts[0], Offer = parts[1], Sku = parts[2], Version = parts[3] };
    }

    private static HypervisorException Invalid(string? image, string why) =>
        AzureErrors.Permanent("invalid_image", $"'{image}' is not an Azure image: {why}.");
}
