// `server-only` throws when bundled for the client; Jest is neither, so tests import server code directly.
module.exports = {};
