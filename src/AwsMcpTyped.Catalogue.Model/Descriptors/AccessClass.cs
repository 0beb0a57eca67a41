namespace AwsMcpTyped.Catalogue;

/// <summary>What running a command can do, as far as an assistant's user is concerned.</summary>
public enum AccessClass
{
    /// <summary>Reads metadata or data and changes nothing.</summary>
    Read,
    /// <summary>Creates or changes resources.</summary>
    Write,
    /// <summary>Deletes, terminates or otherwise loses resources or data.</summary>
    Destructive,
    /// <summary>A read that reveals secrets or mints credentials.</summary>
    SensitiveRead,
}

public static class AccessClassNames
{
    public static string ToWireName(this AccessClass access) => access switch
    {
        AccessClass.Read => "read",
        AccessClass.Write => "write",
        AccessClass.Destructive => "destructive",
        AccessClass.SensitiveRead => "sensitive-read",
        _ => throw new ArgumentOutOfRangeException(nameof(access)),
    };

    public static bool TryParse(string value, out AccessClass access)
    {
        foreach (var candidate in Enum.GetValues<AccessClass>())
        {
            if (candidate.ToWireName() == value)
            {
                access = candidate;
                return true;
            }
        }
        access = default;
        return false;
    }
}
