namespace AspireChat.ChatService.Stores.Redis;

// The backplane's atomic steps, run by Redis as Lua scripts: one round trip each, and no other
// command runs in between (so two replicas can never both take a name or one sequence number).
// Keys share one hash tag ("{prefix}"), so the scripts also run on a Redis Cluster.
internal static class RedisScripts
{
    // Sets a name's time to live, unless a renewal has given it longer (a stream's lease).
    private const string Extend = """
        local function extend(key, ms)
          if redis.call('PTTL', key) < tonumber(ms) then
            redis.call('PEXPIRE', key, ms)
          end
        end

        """;

    // KEYS: user hash, look-alike key, the operator's hold of the name.
    // ARGV: name, name key, presented token, new token, connection, grace (ms), now (unix ms), a
    // new user id (random: ids never repeat, even after Redis has lost its data).
    // Returns {status, id, name, token, since}: 1 new, 0 the same caller again, -1 taken; or
    // {-2, until (unix ms)} while the operator holds the name.
    public const string Claim = Extend + """
        local held = redis.call('GET', KEYS[3])
        if held then
          return {-2, held}
        end
        local current = redis.call('HMGET', KEYS[1], 'token', 'conn', 'id', 'name', 'since')
        if current[1] then
          if current[1] == ARGV[3] or current[2] == ARGV[5] then
            extend(KEYS[1], ARGV[6])
            extend(KEYS[2], ARGV[6])
            return {0, current[3], current[4], current[1], current[5]}
          end
          return {-1}
        end
        local holder = redis.call('GET', KEYS[2])
        if holder and holder ~= ARGV[2] then
          return {-1}
        end
        local id = ARGV[8]
        redis.call('HSET', KEYS[1], 'id', id, 'name', ARGV[1], 'token', ARGV[4], 'conn', ARGV[5], 'since', ARGV[7], 'look', KEYS[2])
        redis.call('PEXPIRE', KEYS[1], ARGV[6])
        redis.call('SET', KEYS[2], ARGV[2], 'PX', ARGV[6])
        return {1, id, ARGV[1], ARGV[4], ARGV[7]}
        """;

    // A batch of messages from one replica (its group commit, PublishBatcher), numbered in order
    // in one step: one round trip, one fsync of the append-only file, one PUBLISH.
    // KEYS: sequence counter, log stream, epoch; then 4 for each message: the sender's user hash,
    // the recipient's user hash (the sender's again for a broadcast), the "left" marker of a LEFT
    // notice (the sender's hash otherwise), the sender's mute.
    // ARGV: history size, grace (ms), channel, a new epoch (taken only if Redis has none: it lost
    // its data); then 4 for each message: the sender's token, the payload, '1' for a direct
    // message, 'chat' | 'joined' | 'left' | 'announce'.
    // Returns for each message {sequence, recipient id, recipient name}; {-1} when the sender's
    // session is gone, {-2} when the recipient is not online, {-3} when a LEFT notice was already
    // sent, {-4} when the user of a LEFT notice is still online (on another replica), {-5, mute}
    // when the operator has muted the sender, {-6, error} when Redis refused one of its commands
    // (a key of another type, a history ahead of the counter): that message is not sent, and the
    // batch's others are, as each was alone. An announcement is the room's: it has no session to
    // check. Chat messages and announcements are kept in the log (the history); presence notices
    // are not. A log entry is "<epoch> <sequence> <recipient id> <recipient name> <payload>" (no
    // spaces in epochs or names), so a receiver knows at once when the room has started again;
    // the channel carries the batch's entries in one frame, each "<length> <entry>".
    // The epoch is taken first: a Redis out of memory refuses a script's first command that could
    // make it grow, but none after a write has run (a script is never stopped halfway). So every
    // message is refused then, with nothing done, and not only those whose sender's lease needed
    // no extending.
    public const string Publish = Extend + """
        redis.call('SET', KEYS[3], ARGV[4], 'NX')
        local epoch = redis.call('GET', KEYS[3])
        local frame = {}

        local function checked(sender, leftKey, mute, token, kind)
          if kind == 'left' then
            if redis.call('HGET', sender, 'token') == token then
              return {-4}
            end
            if not redis.call('SET', leftKey, '1', 'NX', 'PX', ARGV[2]) then
              return {-3}
            end
          elseif kind ~= 'announce' then
            if redis.call('HGET', sender, 'token') ~= token then
              return {-1}
            end
            local muted = kind == 'chat' and redis.call('GET', mute)
            if muted then
              return {-5, muted}
            end
            extend(sender, ARGV[2])
            local look = redis.call('HGET', sender, 'look')
            if look then
              extend(look, ARGV[2])
            end
          end
          return nil
        end

        local function publish(k, a)
          local kind = ARGV[a + 4]
          local refused = checked(KEYS[k + 1], KEYS[k + 3], KEYS[k + 4], ARGV[a + 1], kind)
          if refused then
            return refused
          end
          local rid, rname = '0', ''
          if ARGV[a + 3] == '1' then
            local recipient = redis.call('HMGET', KEYS[k + 2], 'id', 'name')
            if not recipient[1] then
              return {-2}
            end
            rid, rname = recipient[1], recipient[2]
          end
          local sequence = redis.call('INCR', KEYS[1])
          local entry = epoch .. ' ' .. sequence .. ' ' .. rid .. ' ' .. rname .. ' ' .. ARGV[a + 2]
          if kind == 'chat' or kind == 'announce' then
            redis.call('XADD', KEYS[2], 'MAXLEN', '~', ARGV[1], sequence .. '-1', 'e', entry)
          end
          frame[#frame + 1] = #entry .. ' ' .. entry
          return {sequence, rid, rname}
        end

        local results = {}
        for m = 0, (#ARGV - 4) / 4 - 1 do
          local ok, result = pcall(publish, 3 + m * 4, 4 + m * 4)
          results[m + 1] = ok and result or {-6, type(result) == 'table' and result.err or tostring(result)}
        end
        if #frame > 0 then
          redis.call('PUBLISH', ARGV[3], table.concat(frame))
        end
        return results
        """;

    // KEYS: user hash, look-alike key, the name's hold, sequence counter, epoch.
    // ARGV: the name as the caller read it (the payload's text names it), payload, hold (ms),
    // held until (unix ms), channel, a new epoch, name key.
    // Ends the session of the user online under the name: the name is freed for nobody (held
    // until then), and the notice goes to that user's streams on every replica, which end with
    // it. Returns {sequence, id, name, token, since} of the session ended; {-1} when nobody has
    // the name, {-2} when it is held under another spelling now (read it again). The epoch is
    // taken first, as in Publish, and the channel's frame is Publish's, of one entry. The notice
    // is not kept in the log: a replica that misses it ends the session at its next renewal
    // (Renew: held).
    public const string Disconnect = """
        redis.call('SET', KEYS[5], ARGV[6], 'NX')
        local user = redis.call('HMGET', KEYS[1], 'id', 'name', 'token', 'since')
        if not user[1] then
          return {-1}
        end
        if user[2] ~= ARGV[1] then
          return {-2}
        end
        redis.call('DEL', KEYS[1])
        if redis.call('GET', KEYS[2]) == ARGV[7] then
          redis.call('DEL', KEYS[2])
        end
        redis.call('SET', KEYS[3], ARGV[4], 'PX', ARGV[3])
        local epoch = redis.call('GET', KEYS[5])
        local sequence = redis.call('INCR', KEYS[4])
        local entry = epoch .. ' ' .. sequence .. ' ' .. user[1] .. ' ' .. user[2] .. ' ' .. ARGV[2]
        redis.call('PUBLISH', ARGV[5], #entry .. ' ' .. entry)
        return {sequence, user[1], user[2], user[3], user[4]}
        """;

    // KEYS: user hash, the name's mute. ARGV: the mute ("<until, unix ms> <reason>"), its time (ms).
    // Mutes the name only while somebody has it online; returns the name as held, or nil.
    public const string Mute = """
        local name = redis.call('HGET', KEYS[1], 'name')
        if not name then
          return false
        end
        redis.call('SET', KEYS[2], ARGV[1], 'PX', ARGV[2])
        return name
        """;

    // Renews a batch of one replica's users in one step (one round trip a sweep, not one a user).
    // KEYS: 3 for each user: user hash, look-alike key, the name's hold.
    // ARGV: replica field; then 8 for each user: token, grace (ms), this replica's stream count,
    // id, name, since, name key, connection.
    // Keeps a name online while one of this replica's streams uses it (and for the grace period
    // after). A name Redis has lost (an outage longer than the grace period, or data lost) is
    // taken back for its session unless somebody else has it. Returns for each user 1, or 0 when
    // the name is not its session's any more: another's, or held by the operator (its user was
    // disconnected: a replica that missed the notice ends the session here).
    public const string Renew = """
        local function renew(user, look, hold, field, token, grace, streams, id, name, since, nameKey, conn)
          if redis.call('EXISTS', hold) == 1 then
            return 0
          end
          local current = redis.call('HGET', user, 'token')
          if not current then
            local holder = redis.call('GET', look)
            if holder and holder ~= nameKey then
              return 0
            end
            redis.call('HSET', user, 'id', id, 'name', name, 'token', token, 'conn', conn, 'since', since, 'look', look)
            redis.call('SET', look, nameKey, 'PX', grace)
          elseif current ~= token then
            return 0
          end
          redis.call('PEXPIRE', user, grace)
          redis.call('PEXPIRE', look, grace)
          if streams == '0' then
            redis.call('HDEL', user, field)
          else
            redis.call('HSET', user, field, streams)
          end
          return 1
        end

        local results = {}
        for i = 0, #KEYS / 3 - 1 do
          local k, a = 3 * i, 1 + 8 * i
          results[i + 1] = renew(KEYS[k + 1], KEYS[k + 2], KEYS[k + 3], ARGV[1],
            ARGV[a + 1], ARGV[a + 2], ARGV[a + 3], ARGV[a + 4], ARGV[a + 5], ARGV[a + 6], ARGV[a + 7], ARGV[a + 8])
        end
        return results
        """;
}
