using System.Net;
using System.Net.Sockets;
using System.Text;

namespace AwsMcpTyped.Tests.Sandbox;

/// <summary>
/// The places an escape would reach: a working directory (the only place commands may touch), and outside it a
/// directory to write into, a planted secret (as a file, as jq modules, in a NUL-separated file list) and a TCP and a
/// UDP listener on loopback that count contacts. Placeholders in <see cref="EscapeAttempt"/> are filled from here.
/// </summary>
public sealed class EscapeLab : IDisposable
{
    private readonly TcpListener _tcp = new(IPAddress.Loopback, 0);
    private readonly UdpClient _udp = new(new IPEndPoint(IPAddress.Loopback, 0));
    private readonly CancellationTokenSource _stop = new();
    private int _contacts;

    public EscapeLab()
    {
        Root = Directory.CreateTempSubdirectory("awsmcp-escape-lab-").FullName;
        WorkingDirectory = Directory.CreateDirectory(Path.Combine(Root, "work")).FullName;
        Out = Directory.CreateDirectory(Path.Combine(Root, "out")).FullName;
        SecretDirectory = Directory.CreateDirectory(Path.Combine(Root, "secret")).FullName;
        Secret = "SECRET-" + Guid.NewGuid().ToString("N");
        SecretFile = Path.Combine(SecretDirectory, "secret.json");
        File.WriteAllText(SecretFile, $"\"{Secret}\""); // no newline: valid as a JSON document and as an HTTP header value
        File.WriteAllText(Path.Combine(SecretDirectory, "secretdata.json"), $"\"{Secret}\"\n");
        File.WriteAllText(Path.Combine(SecretDirectory, "secretmodule.jq"), $"def leak: \"{Secret}\";\n");
        File.WriteAllText(Path.Combine(SecretDirectory, "program.jq"), $"\"{Secret}\"\n");
        ListFile = Path.Combine(Root, "list");
        File.WriteAllText(ListFile, SecretFile + "\0");
        _tcp.Start();
        _ = AcceptAsync();
        _ = ReceiveAsync();
    }

    public string Root { get; }
    public string WorkingDirectory { get; }
    public string Out { get; }
    public string SecretDirectory { get; }
    public string SecretFile { get; }
    public string ListFile { get; }
    public string Secret { get; }

    /// <summary>TCP connections and UDP datagrams received so far.</summary>
    public int NetworkContacts => Volatile.Read(ref _contacts);

    public string Fill(string text, EscapeAttempt attempt) => new StringBuilder(text)
        .Replace("{OUT}", Out).Replace("{SECRETDIR_RELATIVE}", SecretDirectory.TrimStart('/')).Replace("{SECRETDIR}", SecretDirectory)
        .Replace("{SECRET}", SecretFile).Replace("{LIST}", ListFile).Replace("{PARENT}", Environment.ProcessId.ToString())
        .Replace("{TCP}", ((IPEndPoint)_tcp.LocalEndpoint).Port.ToString()).Replace("{UDP}", ((IPEndPoint)_udp.Client.LocalEndPoint!).Port.ToString())
        .Replace("{NAME}", attempt.Name).ToString();

    /// <summary>Whether the attempt left its mark: a file written, the secret or the server's environment in what came
    /// back, a network contact since <paramref name="contactsBefore"/>, or ESCAPED printed.</summary>
    public bool Escaped(EscapeAttempt attempt, string returned, int contactsBefore) => attempt.Proof switch
    {
        Proof.WritesFile => File.Exists(Path.Combine(Out, attempt.Name)),
        Proof.ReturnsSecret => returned.Contains(Secret, StringComparison.Ordinal),
        Proof.ReturnsServerEnvironment => returned.Contains("PATH=", StringComparison.Ordinal),
        Proof.ReachesNetwork => WaitForContact(contactsBefore),
        Proof.PrintsEscaped => returned.Contains("ESCAPED", StringComparison.Ordinal),
        _ => throw new ArgumentOutOfRangeException(nameof(attempt)),
    };

    /// <summary>Removes what an escaping (control) run wrote.</summary>
    public void Reset()
    {
        foreach (var file in Directory.EnumerateFiles(Out))
            File.Delete(file);
    }

    private bool WaitForContact(int before)
    {
        for (var i = 0; i < 20 && NetworkContacts == before; i++)
            Thread.Sleep(25);
        return NetworkContacts > before;
    }

    private async Task AcceptAsync()
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                using var client = await _tcp.AcceptTcpClientAsync(_stop.Token);
                Interlocked.Increment(ref _contacts);
            }
        }
        catch (Exception error) when (error is OperationCanceledException or ObjectDisposedException or SocketException)
        {
        }
    }

    private async Task ReceiveAsync()
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                await _udp.ReceiveAsync(_stop.Token);
                Interlocked.Increment(ref _contacts);
            }
        }
        catch (Exception error) when (error is OperationCanceledException or ObjectDisposedException or SocketException)
        {
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _tcp.Stop();
        _udp.Dispose();
        Directory.Delete(Root, recursive: true);
    }
}
