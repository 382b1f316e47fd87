// STUBS, not implementations: the .NET 5 APIs the generated C# uses that Mono 6.8 (Debian's mono-runtime) lacks,
// declared with their documented signatures so the generated file compiles on Mono. Every member throws: the
// conformance test runs only the generated BrowserUrl and BrowserResource on Mono, never the signing.
// Documented at https://learn.microsoft.com/dotnet/api/ (System.Text.Json.Utf8JsonWriter, JsonWriterOptions,
// System.Text.Encodings.Web.JavaScriptEncoder, AsymmetricAlgorithm.ImportFromPem, ECDsa.SignData with DSASignatureFormat).
using System;
using System.IO;

namespace System.Text.Encodings.Web
{
    public class JavaScriptEncoder
    {
        public static JavaScriptEncoder UnsafeRelaxedJsonEscaping { get { throw new NotSupportedException("stub"); } }
    }
}

namespace System.Text.Json
{
    public struct JsonWriterOptions
    {
        public System.Text.Encodings.Web.JavaScriptEncoder Encoder { get; set; }
    }

    public sealed class Utf8JsonWriter : IDisposable
    {
        public Utf8JsonWriter(Stream utf8Json, JsonWriterOptions options) { throw new NotSupportedException("stub"); }
        public void WriteStartObject() { throw new NotSupportedException("stub"); }
        public void WriteStartObject(string propertyName) { throw new NotSupportedException("stub"); }
        public void WriteStartArray(string propertyName) { throw new NotSupportedException("stub"); }
        public void WriteString(string propertyName, string value) { throw new NotSupportedException("stub"); }
        public void WriteNumber(string propertyName, long value) { throw new NotSupportedException("stub"); }
        public void WriteEndObject() { throw new NotSupportedException("stub"); }
        public void WriteEndArray() { throw new NotSupportedException("stub"); }
        public void Dispose() { }
    }
}

namespace System.Security.Cryptography
{
    public enum DSASignatureFormat { IeeeP1363FixedFieldConcatenation, Rfc3279DerSequence }

    public static class DotNet5Stubs
    {
        public static void ImportFromPem(this AsymmetricAlgorithm key, string pem) { throw new NotSupportedException("stub"); }
        public static byte[] SignData(this ECDsa key, byte[] data, HashAlgorithmName hash, DSASignatureFormat format) { throw new NotSupportedException("stub"); }
    }
}
