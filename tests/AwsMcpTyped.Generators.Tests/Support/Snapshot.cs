using System.Runtime.CompilerServices;

namespace AwsMcpTyped.Generators.Tests.Support;

/// <summary>
/// Snapshot assertions (Verify is not on our NuGet mirror): compares text with the checked-in
/// <c>Snapshots/&lt;name&gt;.verified.&lt;ext&gt;</c>. On a mismatch it writes <c>.received.</c> next to it and
/// fails with the first differing line; <c>UPDATE_SNAPSHOTS=1</c> accepts the new text instead.
/// </summary>
internal static class Snapshot
{
    public static void Match(string actual, string name, string extension, [CallerFilePath] string caller = "")
    {
        var directory = Path.Combine(TestFiles.ProjectDirectory(caller), "Snapshots");
        var verified = Path.Combine(directory, $"{name}.verified.{extension}");
        var received = Path.Combine(directory, $"{name}.received.{extension}");
        actual = actual.Replace("\r\n", "\n");
        if (Environment.GetEnvironmentVariable("UPDATE_SNAPSHOTS") == "1")
        {
            Directory.CreateDirectory(directory);
            File.WriteAllText(verified, actual);
            File.Delete(received);
            return;
        }
        var expected = File.Exists(verified) ? File.ReadAllText(verified).Replace("\r\n", "\n") : null;
        if (expected == actual)
        {
            File.Delete(received);
            return;
        }
        File.WriteAllText(received, actual);
        Assert.Fail(expected is null
            ? $"No snapshot {verified}. Review {received}, then run with UPDATE_SNAPSHOTS=1."
            : $"Snapshot {name} differs ({FirstDifference(expected, actual)}). Review {received}; accept with UPDATE_SNAPSHOTS=1.");
    }

    private static string FirstDifference(string expected, string actual)
    {
        var a = expected.Split('\n');
        var b = actual.Split('\n');
        for (var i = 0; i < Math.Max(a.Length, b.Length); i++)
        {
            var left = i < a.Length ? a[i] : "<end>";
            var right = i < b.Length ? b[i] : "<end>";
            if (left != right)
                return $"line {i + 1}: expected \"{left}\", got \"{right}\"";
        }
        return "identical lines, different line endings";
    }
}
