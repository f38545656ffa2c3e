using System.Net;

namespace AspireChat.Web.Chat;

// The address of the person behind this page's circuit, taken from the request that loaded the
// page and forwarded to chat with every call of theirs (ChatClient.ForwardedFor), so chat's
// per-address limits count the person rather than the web app.
public sealed class PersonAddress
{
    public IPAddress? Address { get; set; }
}
