// Runs the browser form of one generated C# signing program (CloudFrontSigning.Signer) over the conformance
// corpus on Mono (conformance.test.ts). args: Url, Resource or Stream; stdin: one base64 UTF-8 entry a line;
// stdout: one base64 UTF-8 answer a line (the browser form, or "ERROR message").
using System;
using System.Reflection;
using System.Text;

public static class Driver
{
    public static void Main(string[] args)
    {
        // Stream: the entry is a playlist's URL; its folder (StreamResource) in the browser form of a resource.
        var stream = args[0] == "Stream";
        var method = typeof(CloudFrontSigning.Signer).GetMethod("Browser" + (stream ? "Resource" : args[0]), BindingFlags.Public | BindingFlags.Static);
        var folder = typeof(CloudFrontSigning.Signer).GetMethod("StreamResource", BindingFlags.Public | BindingFlags.Static);
        var utf8 = new UTF8Encoding(false);
        var output = new StringBuilder();
        for (var line = Console.In.ReadLine(); line != null; line = Console.In.ReadLine())
        {
            string answer;
            try
            {
                var entry = utf8.GetString(Convert.FromBase64String(line));
                answer = (string)method.Invoke(null, new object[] { stream ? (string)folder.Invoke(null, new object[] { entry }) : entry });
            }
            catch (TargetInvocationException error)
            {
                answer = "ERROR " + error.InnerException.Message;
            }
            output.Append(Convert.ToBase64String(utf8.GetBytes(answer))).Append('\n');
        }
        Console.Out.Write(output.ToString());
    }
}
