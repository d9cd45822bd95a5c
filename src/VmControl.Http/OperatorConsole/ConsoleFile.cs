using Microsoft.Extensions.FileProviders;

namespace VmControl.Http.OperatorConsole;

/// <summary>One embedded console file and its content type.</summary>
public sealed record ConsoleFile(IFileInfo File, string ContentType);
