using System.Buffers.Binary;
using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using AwsMcpTyped.Catalogue;

namespace AwsMcpTyped.Suggest;

/// <summary>
/// The precomputed index as a Brotli-compressed binary file, written at build time and read at start-up in a few
/// tens of milliseconds instead of re-reading every service's documentation (~3 s). Layout (integers 7-bit encoded,
/// strings length-prefixed UTF-8): magic, format version, catalogue fingerprint; a string table (services, command
/// names, summaries, argument names, name terms); the documents as string ids, access byte, flag byte and their
/// stemmed name terms; the BM25 document count and every term with its postings (document ids as ascending deltas,
/// then the weights as float32, exactly as built, so rankings are bit-for-bit those of a freshly built index).
/// The vocabulary is not stored: it is loaded from its own resource (cheap, and editable without rebuilding the
/// index), and the lookups derived from it are recomputed.
/// </summary>
internal static class SuggestIndexFile
{
    private static ReadOnlySpan<byte> Magic => "AWSX"u8;

    /// <summary>Bump when the layout or the meaning of a stored value changes.</summary>
    public const int FormatVersion = 1;

    /// <summary>Brotli quality 9: 814 KiB instead of the default level's 919 KiB for ~0.4 s more per index build;
    /// quality 11 (725 KiB) costs ~5 s more.</summary>
    private const int CompressionQuality = 9;

    private const byte HasExampleFlag = 1;
    private const byte DeprecatedFlag = 2;

    public static void Write(SuggestIndex index, string fingerprint, Stream destination)
    {
        using var raw = new MemoryStream();
        using (var writer = new BinaryWriter(raw, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Magic);
            writer.Write7BitEncodedInt(FormatVersion);
            writer.Write(fingerprint);

            var strings = new List<string>();
            var ids = new Dictionary<string, int>(StringComparer.Ordinal);
            int Id(string value)
            {
                if (!ids.TryGetValue(value, out var id))
                {
                    ids[value] = id = strings.Count;
                    strings.Add(value);
                }
                return id;
            }
            var documents = index.Documents
                .Select(d => (Service: Id(d.Service), Command: Id(d.Command), Summary: Id(d.Summary), d.Access,
                    Flags: (byte)((d.HasExample ? HasExampleFlag : 0) | (d.Deprecated ? DeprecatedFlag : 0)),
                    Required: d.RequiredArguments.Select(Id).ToArray(), NameTerms: d.NameTerms.Select(Id).ToArray()))
                .ToList();
            writer.Write7BitEncodedInt(strings.Count);
            foreach (var value in strings)
                writer.Write(value);

            writer.Write7BitEncodedInt(documents.Count);
            foreach (var document in documents)
            {
                writer.Write7BitEncodedInt(document.Service);
                writer.Write7BitEncodedInt(document.Command);
                writer.Write7BitEncodedInt(document.Summary);
                writer.Write((byte)document.Access);
                writer.Write(document.Flags);
                writer.Write7BitEncodedInt(document.Required.Length);
                foreach (var argument in document.Required)
                    writer.Write7BitEncodedInt(argument);
                writer.Write7BitEncodedInt(document.NameTerms.Length);
                foreach (var term in document.NameTerms)
                    writer.Write7BitEncodedInt(term);
            }

            // Terms in ordinal order so the same index always gives the same bytes.
            var terms = index.Bm25.Postings.OrderBy(p => p.Key, StringComparer.Ordinal).ToList();
            writer.Write7BitEncodedInt(index.Bm25.Count);
            writer.Write7BitEncodedInt(terms.Count);
            foreach (var (term, postings) in terms)
            {
                writer.Write(term);
                writer.Write7BitEncodedInt(postings.Length);
                var previous = 0;
                foreach (var posting in postings)
                {
                    writer.Write7BitEncodedInt(posting.Document - previous);
                    previous = posting.Document;
                }
                foreach (var posting in postings)
                    writer.Write(posting.Weight);
            }
        }
        raw.Position = 0;
        using var brotli = new BrotliStream(destination, new BrotliCompressionOptions { Quality = CompressionQuality }, leaveOpen: true);
        raw.CopyTo(brotli);
    }

    /// <summary>The index stored in <paramref name="source"/>, or null when the file is of another format version or
    /// was built from another catalogue (<paramref name="fingerprint"/>). Throws <see cref="InvalidDataException"/>
    /// on a damaged file. <paramref name="clock"/> (started by the caller) times the load.</summary>
    public static SuggestIndex? Read(Stream source, string fingerprint, Stopwatch clock)
    {
        using var raw = new MemoryStream();
        using (var brotli = new BrotliStream(source, CompressionMode.Decompress, leaveOpen: true))
            brotli.CopyTo(raw);
        var reader = new SpanReader(raw.GetBuffer().AsSpan(0, (int)raw.Length));

        if (!reader.Bytes(Magic.Length).SequenceEqual(Magic) || reader.Int() != FormatVersion || reader.String() != fingerprint)
            return null;

        var strings = new string[reader.Count()];
        for (var i = 0; i < strings.Length; i++)
            strings[i] = reader.String();
        string Text(int id) => (uint)id < (uint)strings.Length ? strings[id] : throw new InvalidDataException($"String id {id} is out of range.");

        var documents = new SuggestDocument[reader.Count()];
        for (var d = 0; d < documents.Length; d++)
        {
            var service = Text(reader.Int());
            var command = Text(reader.Int());
            var summary = Text(reader.Int());
            var access = (AccessClass)reader.Byte();
            var flags = reader.Byte();
            var required = new string[reader.Count()];
            for (var r = 0; r < required.Length; r++)
                required[r] = Text(reader.Int());
            var nameTerms = new string[reader.Count()];
            for (var n = 0; n < nameTerms.Length; n++)
                nameTerms[n] = Text(reader.Int());
            documents[d] = new SuggestDocument(service, command, summary, access, required,
                HasExample: (flags & HasExampleFlag) != 0, Deprecated: (flags & DeprecatedFlag) != 0) { NameTerms = nameTerms };
        }

        var documentCount = reader.Count();
        if (documentCount != documents.Length)
            throw new InvalidDataException($"The suggest index file has {documents.Length} documents but postings for {documentCount}.");
        var termCount = reader.Count();
        var postings = new Dictionary<string, Bm25Index.Posting[]>(termCount, StringComparer.Ordinal);
        var ids = new int[256];
        for (var t = 0; t < termCount; t++)
        {
            var term = reader.String();
            var list = new Bm25Index.Posting[reader.Count()];
            if (ids.Length < list.Length)
                ids = new int[Math.Max(list.Length, ids.Length * 2)];
            var document = 0;
            for (var p = 0; p < list.Length; p++)
            {
                document += reader.Int();
                if (document >= documentCount)
                    throw new InvalidDataException($"A posting of '{term}' names document {document} of {documentCount}.");
                ids[p] = document;
            }
            for (var p = 0; p < list.Length; p++)
                list[p] = new Bm25Index.Posting(ids[p], reader.Single());
            postings[term] = list;
        }
        if (!reader.AtEnd)
            throw new InvalidDataException("The suggest index file has trailing data.");
        return SuggestIndex.Assemble(documents, new Bm25Index(documentCount, postings), QueryVocabulary.Load(), SuggestIndexOrigin.Precomputed, clock);
    }

    /// <summary>Reads the decompressed file; every read is bounds-checked so a damaged file is an
    /// <see cref="InvalidDataException"/>, not a crash elsewhere.</summary>
    private ref struct SpanReader(ReadOnlySpan<byte> data)
    {
        private readonly ReadOnlySpan<byte> _data = data;
        private int _position;

        public bool AtEnd => _position == _data.Length;

        public ReadOnlySpan<byte> Bytes(int length)
        {
            if (length < 0 || length > _data.Length - _position)
                throw new InvalidDataException("The suggest index file is truncated.");
            var bytes = _data.Slice(_position, length);
            _position += length;
            return bytes;
        }

        public byte Byte() => Bytes(1)[0];

        public float Single() => BinaryPrimitives.ReadSingleLittleEndian(Bytes(sizeof(float)));

        /// <summary>A 7-bit encoded non-negative integer (BinaryWriter.Write7BitEncodedInt).</summary>
        public int Int()
        {
            uint value = 0;
            for (var shift = 0; shift < 35; shift += 7)
            {
                var b = Byte();
                value |= (uint)(b & 0x7F) << shift;
                if (b < 0x80)
                    return value <= int.MaxValue ? (int)value : throw new InvalidDataException("A count in the suggest index file is out of range.");
            }
            throw new InvalidDataException("A malformed integer in the suggest index file.");
        }

        /// <summary>An element count, checked against what is left so a damaged count cannot allocate gigabytes.</summary>
        public int Count()
        {
            var count = Int();
            return count <= _data.Length - _position ? count : throw new InvalidDataException("A count in the suggest index file is out of range.");
        }

        public string String() => Encoding.UTF8.GetString(Bytes(Int()));
    }
}
