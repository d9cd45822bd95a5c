namespace VmControl.Drivers.Libvirt.Tests.Support;

/// <summary>What the console showed: boots so far, the last boot's id, beats in all and since the last boot, the last beat's boot.</summary>
public sealed record GuestView(int Boots, string? BootId, int Beats, int BeatsOfLastBoot, string? LastBeatBootId);
