using System.Text.Encodings.Web;
using System.Text.Json;

namespace VmControl.Storage;

/// <summary>Reads and writes the property types of our entities, within Table Storage's limits.</summary>
internal static class EntityValues
{
    // A string property holds at most 64 KiB of UTF-16, i.e. 32,768 chars. 50 tags of 512+256 chars already exceed
    // that, so long strings are split across Name, Name_1, Name_2, ... and joined on read.
    private const int MaxChunkChars = 30_000;

    // An entity holds at most 1 MiB and 255 properties (3 of them system); keep clear of both.
    private const int MaxEntityBytes = 1_000_000;
    private const int MaxProperties = 250;

    // Table Storage's Edm.DateTime starts at 1601-01-01.
    private static readonly DateTimeOffset MinTime = new(1601, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly JsonSerializerOptions Json = new()
    {
        // Not HTML: keep non-ASCII text as is instead of \uXXXX, which would multiply its size by six.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void SetString(this TableEntity entity, string name, string? value)
    {
        if (value is null)
        {
            return;
        }

        if (value.Length <= MaxChunkChars)
        {
            entity[name] = value;
            return;
        }

        var start = 0;
        for (var index = 0; start < value.Length; index++)
        {
            var length = Math.Min(MaxChunkChars, value.Length - start);
            if (start + length < value.Length && char.IsHighSurrogate(value[start + length - 1]))
            {
                length--; // never split a surrogate pair between two properties
            }

            entity[index == 0 ? name : $"{name}_{index}"] = value.Substring(start, length);
            start += length;
        }
    }

    public static string? GetText(this TableEntity entity, string name)
    {
        if (entity.GetString(name) is not { } first)
        {
            return null;
        }

        if (!entity.ContainsKey($"{name}_1"))
        {
            return first;
        }

        var parts = new List<string> { first };
        for (var index = 1; entity.GetString($"{name}_{index}") is { } part; index++)
        {
            parts.Add(part);
        }

        return string.Concat(parts);
    }

    public static string RequiredText(this TableEntity entity, string name) =>
        entity.GetText(name) ?? throw Corrupt(entity, name);

    /// <summary>Stores a time; <c>default</c> (unset) is stored as absent so it round-trips, anything else before 1601 is refused.</summary>
    public static void SetTime(this TableEntity entity, string name, DateTimeOffset? value)
    {
        if (value is not { } time || time == default)
        {
            return;
        }

        if (time < MinTime)
        {
            throw new ArgumentOutOfRangeException(name, time, "Table Storage keeps times from 1601-01-01 on.");
        }

        entity[name] = time.ToUniversalTime();
    }

    public static DateTimeOffset? GetTime(this TableEntity entity, string name) => entity.GetDateTimeOffset(name);

    public static void SetEnum<TEnum>(this TableEntity entity, string name, TEnum value)
        where TEnum : struct, Enum => entity[name] = value.ToWire();

    public static void SetEnum<TEnum>(this TableEntity entity, string name, TEnum? value)
        where TEnum : struct, Enum
    {
        if (value is { } v)
        {
            entity[name] = v.ToWire();
        }
    }

    public static TEnum? GetEnum<TEnum>(this TableEntity entity, string name)
        where TEnum : struct, Enum
    {
        var wire = entity.GetString(name);
        if (wire is null)
        {
            return null;
        }

        return WireNames.TryParse<TEnum>(wire, out var value) ? value : throw Corrupt(entity, name);
    }

    public static TEnum RequiredEnum<TEnum>(this TableEntity entity, string name)
        where TEnum : struct, Enum =>
        entity.GetEnum<TEnum>(name) ?? throw Corrupt(entity, name);

    public static void SetJson<T>(this TableEntity entity, string name, T value) =>
        entity.SetString(name, JsonSerializer.Serialize(value, Json));

    public static T? GetJson<T>(this TableEntity entity, string name) =>
        entity.GetText(name) is { } json ? JsonSerializer.Deserialize<T>(json, Json) : default;

    /// <summary>Refuses an entity Table Storage would reject, before it is sent (a clear error instead of a storage 400).</summary>
    public static TableEntity EnsureFits(this TableEntity entity)
    {
        var bytes = 0L;
        foreach (var (name, value) in entity)
        {
            bytes += (name.Length * 2) + 8 + (value switch
            {
                string text => text.Length * 2,
                byte[] binary => binary.Length,
                _ => 8,
            });
        }

        if (entity.Count > MaxProperties || bytes > MaxEntityBytes)
        {
            throw new ArgumentException(
                $"The record {entity.PartitionKey}/{entity.RowKey} is too large for Table Storage ({bytes} bytes, {entity.Count} properties).");
        }

        return entity;
    }

    private static InvalidOperationException Corrupt(TableEntity entity, string name) =>
        new($"Stored entity {entity.PartitionKey}/{entity.RowKey} has a missing or unknown {name}.");
}
