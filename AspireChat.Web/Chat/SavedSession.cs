namespace AspireChat.Web.Chat;

// What the browser keeps (in protected local storage) so that a reload, or another tab of the
// same browser, comes back as the same user.
public sealed record SavedSession(string Username, string SessionToken);
