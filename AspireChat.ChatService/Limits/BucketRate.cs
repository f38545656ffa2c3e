namespace AspireChat.ChatService.Limits;

// A token bucket's rate and burst in the ticks of one TimeProvider's timestamps: what one token
// takes to refill, and how far ahead of now a bucket may be emptied (the burst).
internal readonly record struct BucketRate(long TokenTicks, long BurstTicks)
{
    // burst tokens at most, refilled at perPeriod tokens every period.
    public static BucketRate Of(int burst, int perPeriod, TimeSpan period, TimeProvider timeProvider)
    {
        var tokenTicks = Math.Max(1, (long)Math.Round(period.TotalSeconds * timeProvider.TimestampFrequency / perPeriod));
        return new BucketRate(tokenTicks, tokenTicks * burst);
    }
}
