using System.Collections.Concurrent;

namespace VmControl.Testing;

/// <summary>The last lines a child process wrote, kept so that a failed start or test can show them.</summary>
public sealed class OutputTail(int capacity = 200)
{
    private readonly ConcurrentQueue<string> lines = new();

    public void Add(string? line)
    {
        if (line is null)
        {
            return;
        }

        lines.Enqueue(line);
        while (lines.Count > capacity && lines.TryDequeue(out _))
        {
        }
    }

    public override string ToString() => string.Join(Environment.NewLine, lines);
}
