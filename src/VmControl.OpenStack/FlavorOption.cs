namespace VmControl.OpenStack;

/// <summary>A flavor: how an OpenStack client names one of VmControl's sizes.</summary>
public sealed class FlavorOption
{
    public string Id { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    /// <summary>The VmControl size it stands for; defaults to <see cref="Name"/>.</summary>
    public string? Size { get; set; }

    public int Vcpus { get; set; }

    /// <summary>MiB, as Nova counts it.</summary>
    public int Ram { get; set; }

    /// <summary>GiB.</summary>
    public int Disk { get; set; }

    public string SizeName => string.IsNullOrEmpty(Size) ? Name : Size;

    public static IReadOnlyList<FlavorOption> Defaults { get; } =
    [
        new() { Id = "1", Name = "small", Vcpus = 1, Ram = 2048, Disk = 20 },
        new() { Id = "2", Name = "medium", Vcpus = 2, Ram = 4096, Disk = 40 },
        new() { Id = "3", Name = "large", Vcpus = 4, Ram = 8192, Disk = 80 },
    ];
}
