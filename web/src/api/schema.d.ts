// Generated from GET /api/schema/ by `npm run web:api-types`; do not edit by hand.
// test/web/api-types.test.ts fails when this file no longer matches the server.
export interface paths {
  "/api/site": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The site's name, tagline and registration mode (for the web portal) */
    get: operations["getSite"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/healthz": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Database connectivity and AI provider reachability */
    get: operations["getHealth"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/core/solve": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Solve an image (metered)
     * @description Send an image as multipart/form-data (one part named `file`) or as an application/octet-stream body, at most 10485760 bytes. A success is charged at the current price (core settings) and, when staff gave core.image_solve a credit cost, that many credits (402 without them); failures are logged and not charged. Send an `Idempotency-Key` header to make retries safe: a repeat gets the first reply.
     */
    post: operations["solveImage"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/admin/settings": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Price, model and timeout of the metered AI service */
    get: operations["getCoreSettings"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Change the price, model or timeout; applies to the next requests */
    patch: operations["updateCoreSettings"];
    trace?: never;
  };
  "/api/customers/register": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Create an account (with an invite code unless registration is open); a verification link is emailed */
    post: operations["register"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/customers/verify-email": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Confirm the email address with the emailed link; marks the invite used
     * @description A browser opening the emailed link (an `Accept` that includes `text/html`) is sent with 303 to the web portal's `/verify-email?token=…`, which calls this endpoint and offers to sign in; every other client gets the contract's 204 or problem.
     */
    get: operations["verifyEmail"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/customers/resend-verification": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Send a new verification link (always 202, whether or not the email exists) */
    post: operations["resendVerification"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/customers/login": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Start a session: sets the sessionid and csrftoken cookies */
    post: operations["login"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/customers/logout": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** End this session (deleted server-side) */
    post: operations["logout"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/customers/password/change": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Change the password; every other session of the user ends and outstanding reset links stop working */
    post: operations["changePassword"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/customers/csrf": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The CSRF token for X-CSRFToken (also set as the csrftoken cookie) */
    get: operations["getCsrfToken"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/customers/password/reset": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Email a password reset link (always 202, whether or not the account exists)
     * @description An active, verified account gets a link to PUBLIC_BASE_URL/reset-password?token=… that works once, until PASSWORD_RESET_TTL_MINUTES; a newer request voids older links. At most 3 emails per address an hour: beyond that the answer is the same and nothing is sent.
     */
    post: operations["requestPasswordReset"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/customers/password/reset/confirm": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Set a new password with the emailed token; every session of the user ends
     * @description Ends every session and JWT refresh token of the user and lifts a lockout. API tokens stay valid.
     */
    post: operations["confirmPasswordReset"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/customers/tokens": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List your API tokens (never the secret) */
    get: operations["listTokens"];
    put?: never;
    /** Create an API token; the token is returned once */
    post: operations["createToken"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/customers/tokens/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Revoke an API token (takes effect at once on every instance) */
    delete: operations["revokeToken"];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/customers/sessions": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Your active sessions, newest first */
    get: operations["listSessions"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/customers/sessions/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** End one of your sessions (at once, on every instance) */
    delete: operations["revokeSession"];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/customers/sessions/revoke-others": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** End every session of yours except this one */
    post: operations["revokeOtherSessions"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/auth/register": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Create an account; a verification link is emailed (as /api/customers/register)
     * @description invite_code is required unless REGISTRATION_MODE=open. The account can log in once its email is verified.
     */
    post: operations["jwtRegister"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/auth/login": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Log in for a JWT access token and a refresh token
     * @description The same throttling, lockout and verification rules as the session login. Each login starts a new refresh-token family.
     */
    post: operations["jwtLogin"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/auth/token/refresh": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Exchange a refresh token for a new access token and refresh token
     * @description The presented refresh token is spent. Presenting a spent one again revokes every token of its login (401 token_reused); an expired, revoked or unknown one is 401 invalid_token.
     */
    post: operations["jwtRefresh"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/auth/logout": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Revoke a refresh token and every token of its login
     * @description The refresh token is the credential, so no other authentication is needed. Always 204, also for an unknown or already revoked token. Access tokens already issued stay valid until they expire.
     */
    post: operations["jwtLogout"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/auth/profile": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The caller's profile */
    get: operations["getProfile"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /**
     * Change the caller's full name or bio
     * @description email is read-only: sending it is a 400 validation_error (code read_only).
     */
    patch: operations["updateProfile"];
    trace?: never;
  };
  "/api/admin/invites": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Invite codes (staff), newest first, with their status */
    get: operations["listInvites"];
    put?: never;
    /** Create invite codes (staff) */
    post: operations["createInvites"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/admin/invites/{id}/withdraw": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Withdraw an invite nobody used: it can no longer register an account (staff)
     * @description Idempotent: a withdrawn invite is answered as it is. A used invite is refused with 409 invite_used. A registration waiting for its email to be verified with this invite is refused at verification (400 invalid_invite).
     */
    post: operations["withdrawInvite"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/admin/users": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** All users (staff), newest first */
    get: operations["listUsers"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/admin/users/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One user (staff) */
    get: operations["getUser"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /**
     * Activate or deactivate a user, or grant or remove staff (staff)
     * @description Deactivating ends the user's sessions and JWT refresh tokens and stops their API tokens and JWT access tokens in every instance at once. Staff cannot deactivate themselves or remove their own staff status.
     */
    patch: operations["updateUser"];
    trace?: never;
  };
  "/api/admin/users/{id}/unlock": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Lift a lockout after failed logins (staff)
     * @description Logins work again at once and the failed-login count starts from zero. Audited as user.unlock and written to the user's security log as account_unlocked.
     */
    post: operations["unlockUser"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/admin/tokens": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Every user's API tokens (staff), newest first; never the secret */
    get: operations["listAllTokens"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/admin/tokens/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Revoke any user's API token (staff; idempotent, at once on every instance) */
    delete: operations["revokeAnyToken"];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/customers/security-log": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Your account's security events (logins, resets, tokens, sessions), newest first */
    get: operations["listOwnSecurityEvents"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/admin/security-log": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Security events of every user, newest first (staff) */
    get: operations["listSecurityEvents"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/customers/usage/requests": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List my metered requests, newest first (sizes and metadata only) */
    get: operations["listRequests"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/customers/usage/summary": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** My usage totals: all time, Today, Yesterday, Last 7 Days, This Month (UTC) */
    get: operations["getUsageSummary"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/customers/usage/daily": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** My requests and credits per UTC day for the last 30 days, by service */
    get: operations["getDailyUsage"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/customers/billing/current": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** My billing period for this month (UTC), created if missing */
    get: operations["getCurrentBillingPeriod"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/customers/billing/periods": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** My billing periods, newest first */
    get: operations["listBillingPeriods"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/customers/billing/periods/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One of my billing periods and its requests (paginated, newest first) */
    get: operations["getBillingPeriod"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/admin/billing/periods": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** All billing periods (staff), newest month first */
    get: operations["listAllBillingPeriods"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/admin/billing/periods/{id}/mark-paid": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Mark a pending or overdue period paid (staff) */
    post: operations["markPeriodPaid"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/admin/billing/periods/{id}/mark-overdue": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Mark a pending period overdue (staff) */
    post: operations["markPeriodOverdue"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/admin/billing/periods/{id}/mark-waived": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Waive a pending or overdue period: nothing is owed (staff) */
    post: operations["markPeriodWaived"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/admin/request-logs": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Every user's metered requests (staff), newest first */
    get: operations["listAllRequestLogs"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/admin/request-logs/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One request log with everything logged (staff) */
    get: operations["getRequestLog"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/services": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Active AI services with their prices */
    get: operations["listServices"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/services/{name}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One active service, with the JSON Schemas of its input and result */
    get: operations["getService"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/services/{name}/run": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Run a service (metered)
     * @description JSON services take `{"input": {...}}` (see the service's input_schema); image services take an image as multipart/form-data (a part named `file`) or as an application/octet-stream body. The credit cost is reserved first (402 without enough credits: the service is not called), charged on success and released on failure. A service that reports tokens first checks the caller's plan: 402 plan_limit_exceeded once this period's tokens reach its tokens_per_month (the service is not called, nothing is charged). Send an `Idempotency-Key` header to make retries safe: a repeat of the same request gets the first reply (`Idempotent-Replayed: true`) and is not charged again.
     */
    post: operations["runService"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/admin/services": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Every service, active or not, with what it lacks (code or row) (staff) */
    get: operations["listAllServices"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/admin/services/{name}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /**
     * Change a service's credit cost, price, description or availability (staff)
     * @description Applies to the next calls (other instances within 5 s). For core.image_solve, price_cents is the core settings' cost_per_request_cents and changes it too.
     */
    patch: operations["updateService"];
    trace?: never;
  };
  "/api/credits/balance": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The caller's credits by kind, what calls in progress hold, and the next expiry */
    get: operations["getCreditBalance"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/credits/transactions": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The caller's credit journal, newest first
     * @description `amount` is each entry's change to the unspent credits: a call shows as `reserve` (−cost) then `settle` (+ what was not charged, 0 usually) or `release` (+cost, when the call failed); a call that ran on an ample balance without a reservation, as one `charge` (−cost) once it succeeded.
     */
    get: operations["listCreditTransactions"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/admin/users/{id}/credits": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A user's credits by kind, what calls in progress hold, and the next expiry (staff) */
    get: operations["getUserCreditBalance"];
    put?: never;
    /**
     * Grant or take away a user's credits, with a reason (staff)
     * @description A positive amount adds a grant (kind adjustment unless told payg); a negative one takes live credits away in spend order and is refused with 409 insufficient_credits past them. Recorded in the credit journal and the audit log.
     */
    post: operations["adjustCredits"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/admin/credits/transactions": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Every account's credit journal, newest first (staff) */
    get: operations["listAllCreditTransactions"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/admin/audit-log": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** What staff changed, newest first (staff) */
    get: operations["listAuditLog"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/admin/stats": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Dashboard figures (staff): totals for a window and today, 30 days by day
     * @description `from` and `to` are UTC days, inclusive, both or neither (default: this month so far), at most 366 days apart.
     */
    get: operations["getAdminStats"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/admin/preflight": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Readiness checks (staff): database, migrations, email, AI provider, Redis, jobs
     * @description Each check is ok, warn or fail with a one-line detail and fix; `status` is the worst. Sends nothing: `POST /api/admin/preflight/test-email` sends a test message.
     */
    get: operations["getAdminPreflight"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/admin/preflight/test-email": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Send a test email to the calling staff member (staff)
     * @description Through the server's own mailer. `502 email_send_failed` when the mail server refuses the message or cannot be reached; the detail says what it answered.
     */
    post: operations["sendAdminTestEmail"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/catalog/products": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Active products with their active prices, by display order */
    get: operations["listProducts"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/catalog/products/{slug}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One active product with its active prices */
    get: operations["getProduct"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/admin/catalog/products": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Every product with every price, active or not (staff)
     * @description The whole catalog in one answer (it holds dozens of products, not thousands), by display order; kind and is_active narrow it.
     */
    get: operations["listAllProducts"];
    put?: never;
    /**
     * Create a product (staff; audited)
     * @description A credit pack (kind credits) needs credit_amount. A plan (kind subscription) gives credit_amount each period; its limits are tokens_per_month, posts_per_month, workspaces, members and requests_per_minute (null = unlimited; other keys are 400 unknown_limit); rollover_credits only on plans. 409 slug_taken.
     */
    post: operations["createProduct"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/admin/catalog/products/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Change a product (staff; audited); its kind never changes */
    patch: operations["updateProduct"];
    trace?: never;
  };
  "/api/admin/catalog/products/{id}/prices": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Add a price to a product (staff; audited)
     * @description A new default price replaces the product's current default. A plan's price recurs (month or year), any other product's is one_time (else 400 invalid_for_kind).
     */
    post: operations["createPrice"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/admin/catalog/prices/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /**
     * Activate, deactivate or make default a price (staff; audited)
     * @description Amounts never change (orders point at prices): add a new price instead. A default price that becomes active replaces the product's other default.
     */
    patch: operations["updatePrice"];
    trace?: never;
  };
  "/api/admin/catalog/sync": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Import products and prices from Stripe, the source of truth (staff; audited)
     * @description Creates what is new, updates what changed and deactivates what Stripe no longer has, in one transaction; a second run changes nothing. Tollgate's fields live in each Stripe product's metadata (tollgate_kind, tollgate_credit_amount, tollgate_slug, tollgate_feature_keys, tollgate_display_order). 409 provider_not_configured without Stripe.
     */
    post: operations["syncCatalog"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/account/orders/create": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Order a catalog price: a pending order and the checkout URL to pay it
     * @description The order stays pending until the payment provider's verified event says it is paid; coming back from the checkout fulfils nothing. One-time prices only (409 price_not_purchasable for a recurring one).
     */
    post: operations["createOrder"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/customers/billing/periods/{id}/pay": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Pay an ended postpaid period online: a pending order and its checkout URL
     * @description Only an ended period that is pending or overdue with a total above zero (else 409 invalid_transition). The payment event marks the period paid, with the amount and the provider's payment reference, as staff's mark-paid does. The body (return_path) is optional.
     */
    post: operations["payBillingPeriod"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/account/orders": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The caller's orders (purchases), newest first */
    get: operations["listOrders"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/account/orders/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * One of the caller's orders
     * @description With refresh=1 a pending order's checkout is first read from the payment provider (for a page waiting on a late webhook); use it for explicit retries, not polling.
     */
    get: operations["getOrder"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/account/receipts": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The caller's receipts, newest first */
    get: operations["listReceipts"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/account/receipts/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One of the caller's receipts */
    get: operations["getReceipt"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/account/receipts/{id}/receipt": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One of the caller's receipts as a printable HTML page */
    get: operations["printReceipt"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/admin/orders": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Search every order (staff), newest first */
    get: operations["listAllOrders"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/admin/orders/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One order with its payment events, refunds, receipt and credit grant (staff) */
    get: operations["getOrderInvestigation"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/admin/orders/{id}/refund": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Refund an order in full or in part through its provider (staff; audited)
     * @description Without amount_cents, refunds all that is left of the payment. When the refund succeeds, the order's credits are taken back in proportion, as far as they are unspent (never below zero; the rest is recorded as the shortfall).
     */
    post: operations["refundOrder"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/admin/orders/{id}/confirm": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Fulfil a pending order without a payment (ORDER_CONFIRM_ALLOW_MANUAL only; audited) */
    post: operations["confirmOrder"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/admin/catalog/products/{id}/assets": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A product's files, oldest first (staff) */
    get: operations["listProductAssets"];
    put?: never;
    /**
     * Upload a file of a digital product (staff; audited)
     * @description multipart/form-data with one part named `file`, at most 104857600 bytes (ASSET_MAX_BYTES; 413 file_too_large). Only digital products have files (409 product_not_digital). A product may have several; each buyer of the product gets a download of every file it has when the order is paid.
     */
    post: operations["uploadProductAsset"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/account/downloads": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The caller's downloads (one per file of a paid digital order), newest first
     * @description Each file of a paid digital order may be downloaded 5 times within 30 days of the payment (DOWNLOAD_MAX_COUNT, DOWNLOAD_TTL_DAYS); a full refund ends them.
     */
    get: operations["listDownloads"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/account/downloads/{id}/file": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Download a file: counts one download
     * @description Streams the file as an attachment under its name and type. Expired or used-up downloads answer 410 download_expired, a refunded order's 410 download_revoked; another user's id is 404.
     */
    get: operations["downloadFile"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/account/bookings": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The caller's bookings (one per paid service order), newest first */
    get: operations["listBookings"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/admin/bookings": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Every booking (staff), newest first */
    get: operations["listAllBookings"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/admin/bookings/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /**
     * Confirm, complete or cancel a booking, set its time or note (staff; audited)
     * @description Status moves: requested → confirmed | canceled, confirmed → completed | canceled (any other: 409 invalid_transition). The buyer is emailed when it is confirmed or canceled.
     */
    patch: operations["updateBooking"];
    trace?: never;
  };
  "/api/account/subscriptions/checkout": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Subscribe to a paid plan: the checkout URL to pay its first period
     * @description An active plan's recurring price (else 409 plan_not_subscribable; Free needs no checkout). One paid subscription per account: 409 subscription_exists. The subscription stays incomplete until the provider says its first invoice is paid. With Stripe, subscription is null: Stripe makes it when the checkout completes and its customer.subscription.created event records it. 502 payment_provider_error when Stripe refuses.
     */
    post: operations["createSubscriptionCheckout"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/account/subscriptions": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The caller's subscriptions, newest first (the local projection only)
     * @description Never calls the payment provider.
     */
    get: operations["listSubscriptions"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/account/subscriptions/status": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The caller's plan and subscription status, with how fresh it is
     * @description From the projection. Past its period end without news from the provider for BILLING_SYNC_SOFT_STALE_SECONDS it is soft_stale (with the warning message); for BILLING_SYNC_HARD_TTL_SECONDS hard_stale: paid entitlements are withheld (effective_plan free) with the block message until a sync succeeds. refresh=1 re-reads the provider: for explicit retries, at most one per account every 10 s (else 429 rate_limited with Retry-After).
     */
    get: operations["getSubscriptionStatus"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/account/subscriptions/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One of the caller's subscriptions */
    get: operations["getSubscription"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/account/subscriptions/{id}/cancel": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Cancel at the period's end (access and credits are kept until then)
     * @description An active, trialing or past-due subscription whose period has not ended (else 409 invalid_transition). With Stripe the change is made there first (502 payment_provider_error when it refuses).
     */
    post: operations["cancelSubscription"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/account/subscriptions/{id}/resume": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Undo a cancellation before the period ends
     * @description An active, trialing or past-due subscription whose period has not ended (else 409 invalid_transition). With Stripe the change is made there first (502 payment_provider_error when it refuses).
     */
    post: operations["resumeSubscription"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/account/subscriptions/{id}/change-plan": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Change the plan: an upgrade now, a downgrade at the period end
     * @description price_id: an active plan's recurring paid price (404 price_not_found, else 409 plan_not_subscribable). An upgrade (a higher monthly cost, a yearly price counting a twelfth; or the same cost with more credits per period) takes effect now, prorated by the provider, and grants the difference in credit_amount for the rest of the period (once per change). Any other change is a downgrade: pending_plan until the period ends. The current price drops a pending downgrade; otherwise 409 same_plan. The subscription must be active, trialing or past due, within its period and not set to cancel (else 409 invalid_transition). With Stripe the change is made there first (502 payment_provider_error when it refuses; nothing changes here).
     */
    post: operations["changeSubscriptionPlan"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/account/billing-portal": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * A Stripe Customer Portal URL for the caller's billing customer
     * @description 409 provider_not_configured without Stripe; 409 no_billing_customer before the caller's first Stripe subscription; 502 payment_provider_error when Stripe refuses.
     */
    post: operations["createBillingPortalSession"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/admin/subscriptions": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Search every subscription (staff), newest first */
    get: operations["listAllSubscriptions"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/admin/subscriptions/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One subscription with its invoices and the credit grants they made (staff) */
    get: operations["getSubscriptionDetail"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/admin/subscriptions/{id}/cancel": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Cancel a subscription at its period end or now (staff; audited)
     * @description at_period_end true: as the subscriber's own cancel (access and credits kept until then; a pending downgrade is dropped). false: canceled now, its unspent subscription credits expire now; nothing is refunded. With Stripe the subscription is changed there first (502 payment_provider_error when it refuses). 409 invalid_transition when it has ended. Answers the subscription's detail.
     */
    post: operations["staffCancelSubscription"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/admin/subscriptions/{id}/complimentary-period": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Grant a period's credits without a payment (staff; audited)
     * @description The plan's credit_amount as subscription credits expiring with the current period (never with rollover_credits), once per period (409 complimentary_exists). Billing is not changed, with either provider: Stripe is not called. 409 plan_has_no_credits for a plan without credits; 409 invalid_transition unless active, trialing or past due within its period. Answers the subscription's detail.
     */
    post: operations["grantComplimentaryPeriod"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/account/entitlements": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The caller's effective plan, its feature keys and limits, and this period's usage
     * @description The plan is the status endpoint's effective_plan: Free without a paid subscription, or when it is unpaid or hard stale. Read now, never from a cache.
     */
    get: operations["getEntitlements"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/webhooks/stripe": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Stripe event deliveries (signed; set the endpoint's API version to the pinned one)
     * @description Verifies the Stripe-Signature header over the raw body (5 minutes' tolerance), then records the event and applies it once: orders' checkout and refund events, and subscriptions' invoice.paid, invoice.payment_failed and customer.subscription.* (503 subscription_not_recorded for an invoice that overtook its subscription). Unknown event types are recorded and ignored.
     */
    post: operations["stripeWebhook"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: never;
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
  getSite: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            /** @description SITE_NAME: what the portal calls the product */
            name: string;
            /** @description SITE_TAGLINE: the one-line pitch under the name */
            tagline: string;
            /** @description invite: registering needs an invite code; open: anyone may register */
            registration_mode: "invite" | "open";
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json). Temporarily unavailable: `database_unavailable` (the database cannot be reached; nothing was charged), `service_unavailable` (the server is shutting down), or on metered routes the AI provider's rate limit. Retry after `Retry-After` seconds. */
      503: {
        headers: {
          /** @description Seconds to wait before retrying */
          "Retry-After"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
    };
  };
  getHealth: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            status: "ok" | "error";
            db: "ok" | "error";
            /** @description ok: the provider accepted our key at the last check (at most one a minute); error: it did not or could not be reached; stub: no OPENAI_API_KEY. Never changes the status. */
            openai: "ok" | "error" | "stub";
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description Unhealthy: the database did not answer (application/json, db: error), or the server is shutting down (problem+json); look again after Retry-After seconds. */
      503: {
        headers: {
          /** @description Seconds to wait before retrying */
          "Retry-After"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            status: "ok" | "error";
            db: "ok" | "error";
            /** @description ok: the provider accepted our key at the last check (at most one a minute); error: it did not or could not be reached; stub: no OPENAI_API_KEY. Never changes the status. */
            openai: "ok" | "error" | "stub";
          };
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
    };
  };
  solveImage: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "multipart/form-data": {
          /**
           * Format: binary
           * @description PNG, JPEG, GIF or WebP
           */
          file: string;
        };
        "application/octet-stream": string;
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            /** Format: uuid */
            request_id: string;
            /** @description The model's answer (in stub mode, a description of the image) */
            result: string;
            /** @description The model that answered; "stub" without OPENAI_API_KEY */
            model: string;
            /** @description Time from arrival of the request to the answer, ms */
            duration_ms: number;
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description Insufficient credits (application/problem+json, with the credits needed and available) */
      402: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
            /** @description Credits the call costs */
            required: number;
            /** @description Credits the account has available */
            available: number;
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      502: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json). Temporarily unavailable: `database_unavailable` (the database cannot be reached; nothing was charged), `service_unavailable` (the server is shutting down), or on metered routes the AI provider's rate limit. Retry after `Retry-After` seconds. */
      503: {
        headers: {
          /** @description Seconds to wait before retrying */
          "Retry-After"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      504: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
    };
  };
  getCoreSettings: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            /** @description Price of one successful request, in cents */
            cost_per_request_cents: number;
            openai_model: string;
            /** @description Seconds */
            openai_timeout_s: number;
            /** Format: date-time */
            updated_at: string;
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json). Temporarily unavailable: `database_unavailable` (the database cannot be reached; nothing was charged), `service_unavailable` (the server is shutting down), or on metered routes the AI provider's rate limit. Retry after `Retry-After` seconds. */
      503: {
        headers: {
          /** @description Seconds to wait before retrying */
          "Retry-After"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
    };
  };
  updateCoreSettings: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          /** @description Price of one successful request, in cents */
          cost_per_request_cents?: number;
          openai_model?: string;
          /** @description Seconds */
          openai_timeout_s?: number;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            /** @description Price of one successful request, in cents */
            cost_per_request_cents: number;
            openai_model: string;
            /** @description Seconds */
            openai_timeout_s: number;
            /** Format: date-time */
            updated_at: string;
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json). Temporarily unavailable: `database_unavailable` (the database cannot be reached; nothing was charged), `service_unavailable` (the server is shutting down), or on metered routes the AI provider's rate limit. Retry after `Retry-After` seconds. */
      503: {
        headers: {
          /** @description Seconds to wait before retrying */
          "Retry-After"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
    };
  };
  register: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          /** Format: email */
          email: string;
          password: string;
          invite_code: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            detail: string;
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json). Temporarily unavailable: `database_unavailable` (the database cannot be reached; nothing was charged), `service_unavailable` (the server is shutting down), or on metered routes the AI provider's rate limit. Retry after `Retry-After` seconds. */
      503: {
        headers: {
          /** @description Seconds to wait before retrying */
          "Retry-After"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
    };
  };
  verifyEmail: {
    parameters: {
      query?: {
        token?: string | string[];
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description No content */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description To the web portal's verification page (browsers) */
      303: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json). Temporarily unavailable: `database_unavailable` (the database cannot be reached; nothing was charged), `service_unavailable` (the server is shutting down), or on metered routes the AI provider's rate limit. Retry after `Retry-After` seconds. */
      503: {
        headers: {
          /** @description Seconds to wait before retrying */
          "Retry-After"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
    };
  };
  resendVerification: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          /** Format: email */
          email: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            detail: string;
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json). Temporarily unavailable: `database_unavailable` (the database cannot be reached; nothing was charged), `service_unavailable` (the server is shutting down), or on metered routes the AI provider's rate limit. Retry after `Retry-After` seconds. */
      503: {
        headers: {
          /** @description Seconds to wait before retrying */
          "Retry-After"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
    };
  };
  login: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          /** Format: email */
          email: string;
          password: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            /** Format: uuid */
            id: string;
            email: string;
            /** Format: date-time */
            email_verified_at: string | null;
            is_staff: boolean;
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json). Temporarily unavailable: `database_unavailable` (the database cannot be reached; nothing was charged), `service_unavailable` (the server is shutting down), or on metered routes the AI provider's rate limit. Retry after `Retry-After` seconds. */
      503: {
        headers: {
          /** @description Seconds to wait before retrying */
          "Retry-After"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
    };
  };
  logout: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description No content */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json). Temporarily unavailable: `database_unavailable` (the database cannot be reached; nothing was charged), `service_unavailable` (the server is shutting down), or on metered routes the AI provider's rate limit. Retry after `Retry-After` seconds. */
      503: {
        headers: {
          /** @description Seconds to wait before retrying */
          "Retry-After"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
    };
  };
  changePassword: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          old_password: string;
          new_password: string;
        };
      };
    };
    responses: {
      /** @description No content */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json). Temporarily unavailable: `database_unavailable` (the database cannot be reached; nothing was charged), `service_unavailable` (the server is shutting down), or on metered routes the AI provider's rate limit. Retry after `Retry-After` seconds. */
      503: {
        headers: {
          /** @description Seconds to wait before retrying */
          "Retry-After"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
    };
  };
  getCsrfToken: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            csrftoken: string;
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json). Temporarily unavailable: `database_unavailable` (the database cannot be reached; nothing was charged), `service_unavailable` (the server is shutting down), or on metered routes the AI provider's rate limit. Retry after `Retry-After` seconds. */
      503: {
        headers: {
          /** @description Seconds to wait before retrying */
          "Retry-After"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
    };
  };
  requestPasswordReset: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          /** Format: email */
          email: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            detail: string;
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json). Temporarily unavailable: `database_unavailable` (the database cannot be reached; nothing was charged), `service_unavailable` (the server is shutting down), or on metered routes the AI provider's rate limit. Retry after `Retry-After` seconds. */
      503: {
        headers: {
          /** @description Seconds to wait before retrying */
          "Retry-After"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
    };
  };
  confirmPasswordReset: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          token: string;
          new_password: string;
        };
      };
    };
    responses: {
      /** @description No content */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json). Temporarily unavailable: `database_unavailable` (the database cannot be reached; nothing was charged), `service_unavailable` (the server is shutting down), or on metered routes the AI provider's rate limit. Retry after `Retry-After` seconds. */
      503: {
        headers: {
          /** @description Seconds to wait before retrying */
          "Retry-After"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
    };
  };
  listTokens: {
    parameters: {
      query?: {
        /** @description 1-based page number */
        page?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            count: number;
            next: string | null;
            previous: string | null;
            results: {
              /** Format: uuid */
              id: string;
              name: string;
              /** @description Shown as "tok_xxxxxxxx" */
              token_prefix: string;
              /** Format: date-time */
              created_at: string;
              /** Format: date-time */
              last_used_at: string | null;
              /** Format: date-time */
              revoked_at: string | null;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json). Temporarily unavailable: `database_unavailable` (the database cannot be reached; nothing was charged), `service_unavailable` (the server is shutting down), or on metered routes the AI provider's rate limit. Retry after `Retry-After` seconds. */
      503: {
        headers: {
          /** @description Seconds to wait before retrying */
          "Retry-After"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
    };
  };
  createToken: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          /** @description a name with at least one visible character */
          name: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            /** Format: uuid */
            id: string;
            name: string;
            /** @description The whole token; shown only in this response */
            token_once: string;
            /** @description Shown as "tok_xxxxxxxx" */
            token_prefix: string;
            /** Format: date-time */
            created_at: string;
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json). Temporarily unavailable: `database_unavailable` (the database cannot be reached; nothing was charged), `service_unavailable` (the server is shutting down), or on metered routes the AI provider's rate limit. Retry after `Retry-After` seconds. */
      503: {
        headers: {
          /** @description Seconds to wait before retrying */
          "Retry-After"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
    };
  };
  revokeToken: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description No content */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json). Temporarily unavailable: `database_unavailable` (the database cannot be reached; nothing was charged), `service_unavailable` (the server is shutting down), or on metered routes the AI provider's rate limit. Retry after `Retry-After` seconds. */
      503: {
        headers: {
          /** @description Seconds to wait before retrying */
          "Retry-After"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
    };
  };
  listSessions: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            /** Format: uuid */
            id: string;
            /** Format: date-time */
            created_at: string;
            /**
             * Format: date-time
             * @description Updated at most once a minute
             */
            last_seen_at: string;
            /** @description At login, through TRUST_PROXY */
            ip: string | null;
            user_agent: string | null;
            /** @description The session of this request */
            current: boolean;
          }[];
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json). Temporarily unavailable: `database_unavailable` (the database cannot be reached; nothing was charged), `service_unavailable` (the server is shutting down), or on metered routes the AI provider's rate limit. Retry after `Retry-After` seconds. */
      503: {
        headers: {
          /** @description Seconds to wait before retrying */
          "Retry-After"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
    };
  };
  revokeSession: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description No content */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json). Temporarily unavailable: `database_unavailable` (the database cannot be reached; nothing was charged), `service_unavailable` (the server is shutting down), or on metered routes the AI provider's rate limit. Retry after `Retry-After` seconds. */
      503: {
        headers: {
          /** @description Seconds to wait before retrying */
          "Retry-After"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
    };
  };
  revokeOtherSessions: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            /** @description How many sessions ended */
            revoked: number;
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json). Temporarily unavailable: `database_unavailable` (the database cannot be reached; nothing was charged), `service_unavailable` (the server is shutting down), or on metered routes the AI provider's rate limit. Retry after `Retry-After` seconds. */
      503: {
        headers: {
          /** @description Seconds to wait before retrying */
          "Retry-After"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
    };
  };
  jwtRegister: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          /** Format: email */
          email: string;
          password: string;
          invite_code: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            detail: string;
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json). Temporarily unavailable: `database_unavailable` (the database cannot be reached; nothing was charged), `service_unavailable` (the server is shutting down), or on metered routes the AI provider's rate limit. Retry after `Retry-After` seconds. */
      503: {
        headers: {
          /** @description Seconds to wait before retrying */
          "Retry-After"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
    };
  };
  jwtLogin: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          /** Format: email */
          email: string;
          password: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            /** @description An HS256 JWT; send it as 'Authorization: Bearer <access>' */
            access: string;
            /** @description An opaque refresh token, rt_… */
            refresh: string;
            user: {
              /** Format: uuid */
              id: string;
              email: string;
              full_name: string;
              is_staff: boolean;
            };
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json). Temporarily unavailable: `database_unavailable` (the database cannot be reached; nothing was charged), `service_unavailable` (the server is shutting down), or on metered routes the AI provider's rate limit. Retry after `Retry-After` seconds. */
      503: {
        headers: {
          /** @description Seconds to wait before retrying */
          "Retry-After"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
    };
  };
  jwtRefresh: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          /** @description An opaque refresh token, rt_… */
          refresh: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            /** @description An HS256 JWT; send it as 'Authorization: Bearer <access>' */
            access: string;
            /** @description An opaque refresh token, rt_… */
            refresh: string;
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json). Temporarily unavailable: `database_unavailable` (the database cannot be reached; nothing was charged), `service_unavailable` (the server is shutting down), or on metered routes the AI provider's rate limit. Retry after `Retry-After` seconds. */
      503: {
        headers: {
          /** @description Seconds to wait before retrying */
          "Retry-After"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
    };
  };
  jwtLogout: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          /** @description An opaque refresh token, rt_… */
          refresh: string;
        };
      };
    };
    responses: {
      /** @description No content */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json). Temporarily unavailable: `database_unavailable` (the database cannot be reached; nothing was charged), `service_unavailable` (the server is shutting down), or on metered routes the AI provider's rate limit. Retry after `Retry-After` seconds. */
      503: {
        headers: {
          /** @description Seconds to wait before retrying */
          "Retry-After"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
    };
  };
  getProfile: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            /** Format: uuid */
            id: string;
            /** @description Read-only */
            email: string;
            full_name: string;
            bio: string;
            is_staff: boolean;
            /** Format: date-time */
            email_verified_at: string | null;
            /** Format: date-time */
            date_joined: string;
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json). Temporarily unavailable: `database_unavailable` (the database cannot be reached; nothing was charged), `service_unavailable` (the server is shutting down), or on metered routes the AI provider's rate limit. Retry after `Retry-After` seconds. */
      503: {
        headers: {
          /** @description Seconds to wait before retrying */
          "Retry-After"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
    };
  };
  updateProfile: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          full_name?: string;
          bio?: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            /** Format: uuid */
            id: string;
            /** @description Read-only */
            email: string;
            full_name: string;
            bio: string;
            is_staff: boolean;
            /** Format: date-time */
            email_verified_at: string | null;
            /** Format: date-time */
            date_joined: string;
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json). Temporarily unavailable: `database_unavailable` (the database cannot be reached; nothing was charged), `service_unavailable` (the server is shutting down), or on metered routes the AI provider's rate limit. Retry after `Retry-After` seconds. */
      503: {
        headers: {
          /** @description Seconds to wait before retrying */
          "Retry-After"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
    };
  };
  listInvites: {
    parameters: {
      query?: {
        /** @description unused: can register; used: an account registered with it; expired: past expires_at, never used; withdrawn: staff withdrew it */
        status?: "unused" | "used" | "expired" | "withdrawn";
        /** @description 1-based page number */
        page?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            count: number;
            next: string | null;
            previous: string | null;
            results: {
              /** Format: uuid */
              id: string;
              code: string;
              /** Format: date-time */
              expires_at: string | null;
              /** Format: date-time */
              created_at: string;
              /**
               * @description unused: can register; used: an account registered with it; expired: past expires_at, never used; withdrawn: staff withdrew it
               * @enum {string}
               */
              status: "unused" | "used" | "expired" | "withdrawn";
              /** Format: date-time */
              used_at: string | null;
              used_by: {
                /** Format: uuid */
                id: string;
                email: string;
              } | null;
              /** Format: date-time */
              withdrawn_at: string | null;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json). Temporarily unavailable: `database_unavailable` (the database cannot be reached; nothing was charged), `service_unavailable` (the server is shutting down), or on metered routes the AI provider's rate limit. Retry after `Retry-After` seconds. */
      503: {
        headers: {
          /** @description Seconds to wait before retrying */
          "Retry-After"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
    };
  };
  createInvites: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: {
      content: {
        "application/json": {
          /** Format: date-time */
          expires_at?: string | null;
          /** @default 1 */
          count?: number;
        } | null;
      };
    };
    responses: {
      /** @description Default Response */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            invites: {
              /** Format: uuid */
              id: string;
              code: string;
              /** Format: date-time */
              expires_at: string | null;
              /** Format: date-time */
              created_at: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json). Temporarily unavailable: `database_unavailable` (the database cannot be reached; nothing was charged), `service_unavailable` (the server is shutting down), or on metered routes the AI provider's rate limit. Retry after `Retry-After` seconds. */
      503: {
        headers: {
          /** @description Seconds to wait before retrying */
          "Retry-After"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
    };
  };
  withdrawInvite: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            /** Format: uuid */
            id: string;
            code: string;
            /** Format: date-time */
            expires_at: string | null;
            /** Format: date-time */
            created_at: string;
            /**
             * @description unused: can register; used: an account registered with it; expired: past expires_at, never used; withdrawn: staff withdrew it
             * @enum {string}
             */
            status: "unused" | "used" | "expired" | "withdrawn";
            /** Format: date-time */
            used_at: string | null;
            used_by: {
              /** Format: uuid */
              id: string;
              email: string;
            } | null;
            /** Format: date-time */
            withdrawn_at: string | null;
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json). Temporarily unavailable: `database_unavailable` (the database cannot be reached; nothing was charged), `service_unavailable` (the server is shutting down), or on metered routes the AI provider's rate limit. Retry after `Retry-After` seconds. */
      503: {
        headers: {
          /** @description Seconds to wait before retrying */
          "Retry-After"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
    };
  };
  listUsers: {
    parameters: {
      query?: {
        /** @description Part of the email (any case) */
        email?: string;
        is_active?: boolean;
        /** @description 1-based page number */
        page?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            count: number;
            next: string | null;
            previous: string | null;
            results: {
              /** Format: uuid */
              id: string;
              email: string;
              is_active: boolean;
              is_staff: boolean;
              /** Format: date-time */
              email_verified_at: string | null;
              /** Format: date-time */
              date_joined: string;
              /**
               * Format: date-time
               * @description Logins are refused until then (failed logins); null or past when not locked
               */
              locked_until: string | null;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json). Temporarily unavailable: `database_unavailable` (the database cannot be reached; nothing was charged), `service_unavailable` (the server is shutting down), or on metered routes the AI provider's rate limit. Retry after `Retry-After` seconds. */
      503: {
        headers: {
          /** @description Seconds to wait before retrying */
          "Retry-After"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
    };
  };
  getUser: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            /** Format: uuid */
            id: string;
            email: string;
            is_active: boolean;
            is_staff: boolean;
            /** Format: date-time */
            email_verified_at: string | null;
            /** Format: date-time */
            date_joined: string;
            /**
             * Format: date-time
             * @description Logins are refused until then (failed logins); null or past when not locked
             */
            locked_until: string | null;
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json). Temporarily unavailable: `database_unavailable` (the database cannot be reached; nothing was charged), `service_unavailable` (the server is shutting down), or on metered routes the AI provider's rate limit. Retry after `Retry-After` seconds. */
      503: {
        headers: {
          /** @description Seconds to wait before retrying */
          "Retry-After"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
    };
  };
  updateUser: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          is_active?: boolean;
          is_staff?: boolean;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            /** Format: uuid */
            id: string;
            email: string;
            is_active: boolean;
            is_staff: boolean;
            /** Format: date-time */
            email_verified_at: string | null;
            /** Format: date-time */
            date_joined: string;
            /**
             * Format: date-time
             * @description Logins are refused until then (failed logins); null or past when not locked
             */
            locked_until: string | null;
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json). Temporarily unavailable: `database_unavailable` (the database cannot be reached; nothing was charged), `service_unavailable` (the server is shutting down), or on metered routes the AI provider's rate limit. Retry after `Retry-After` seconds. */
      503: {
        headers: {
          /** @description Seconds to wait before retrying */
          "Retry-After"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
    };
  };
  unlockUser: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            /** Format: uuid */
            id: string;
            email: string;
            is_active: boolean;
            is_staff: boolean;
            /** Format: date-time */
            email_verified_at: string | null;
            /** Format: date-time */
            date_joined: string;
            /**
             * Format: date-time
             * @description Logins are refused until then (failed logins); null or past when not locked
             */
            locked_until: string | null;
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json). Temporarily unavailable: `database_unavailable` (the database cannot be reached; nothing was charged), `service_unavailable` (the server is shutting down), or on metered routes the AI provider's rate limit. Retry after `Retry-After` seconds. */
      503: {
        headers: {
          /** @description Seconds to wait before retrying */
          "Retry-After"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
    };
  };
  listAllTokens: {
    parameters: {
      query?: {
        /** @description The start of a token prefix ("tok_ab12" or "ab12") or part of the owner's email (any case) */
        search?: string;
        /** @description Only this user's */
        user?: string;
        /** @description 1-based page number */
        page?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            count: number;
            next: string | null;
            previous: string | null;
            results: {
              /** Format: uuid */
              id: string;
              owner: {
                /** Format: uuid */
                id: string;
                email: string;
              };
              name: string;
              /** @description Shown as "tok_xxxxxxxx" */
              token_prefix: string;
              /** Format: date-time */
              created_at: string;
              /** Format: date-time */
              last_used_at: string | null;
              /** Format: date-time */
              revoked_at: string | null;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json). Temporarily unavailable: `database_unavailable` (the database cannot be reached; nothing was charged), `service_unavailable` (the server is shutting down), or on metered routes the AI provider's rate limit. Retry after `Retry-After` seconds. */
      503: {
        headers: {
          /** @description Seconds to wait before retrying */
          "Retry-After"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
    };
  };
  revokeAnyToken: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description No content */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json). Temporarily unavailable: `database_unavailable` (the database cannot be reached; nothing was charged), `service_unavailable` (the server is shutting down), or on metered routes the AI provider's rate limit. Retry after `Retry-After` seconds. */
      503: {
        headers: {
          /** @description Seconds to wait before retrying */
          "Retry-After"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
    };
  };
  listOwnSecurityEvents: {
    parameters: {
      query?: {
        /** @description 1-based page number */
        page?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            count: number;
            next: string | null;
            previous: string | null;
            results: {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              user_id: string;
              /**
               * @description What happened
               * @enum {unknown}
               */
              type:
                | "login_succeeded"
                | "login_failed"
                | "logout"
                | "password_changed"
                | "password_reset_requested"
                | "password_reset"
                | "account_locked"
                | "account_unlocked"
                | "email_verified"
                | "token_created"
                | "token_revoked"
                | "session_revoked"
                | "jwt_refresh_reuse_detected";
              /** @description As seen through TRUST_PROXY */
              ip: string | null;
              user_agent: string | null;
              /** Format: uuid */
              request_id: string | null;
              details: {
                [key: string]: unknown;
              };
              /** Format: date-time */
              created_at: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json). Temporarily unavailable: `database_unavailable` (the database cannot be reached; nothing was charged), `service_unavailable` (the server is shutting down), or on metered routes the AI provider's rate limit. Retry after `Retry-After` seconds. */
      503: {
        headers: {
          /** @description Seconds to wait before retrying */
          "Retry-After"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
    };
  };
  listSecurityEvents: {
    parameters: {
      query?: {
        /** @description The user's id */
        user?: string;
        /** @description What happened */
        type?:
          | "login_succeeded"
          | "login_failed"
          | "logout"
          | "password_changed"
          | "password_reset_requested"
          | "password_reset"
          | "account_locked"
          | "account_unlocked"
          | "email_verified"
          | "token_created"
          | "token_revoked"
          | "session_revoked"
          | "jwt_refresh_reuse_detected";
        /** @description 1-based page number */
        page?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            count: number;
            next: string | null;
            previous: string | null;
            results: {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              user_id: string;
              /**
               * @description What happened
               * @enum {unknown}
               */
              type:
                | "login_succeeded"
                | "login_failed"
                | "logout"
                | "password_changed"
                | "password_reset_requested"
                | "password_reset"
                | "account_locked"
                | "account_unlocked"
                | "email_verified"
                | "token_created"
                | "token_revoked"
                | "session_revoked"
                | "jwt_refresh_reuse_detected";
              /** @description As seen through TRUST_PROXY */
              ip: string | null;
              user_agent: string | null;
              /** Format: uuid */
              request_id: string | null;
              details: {
                [key: string]: unknown;
              };
              /** Format: date-time */
              created_at: string;
              user_email: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json). Temporarily unavailable: `database_unavailable` (the database cannot be reached; nothing was charged), `service_unavailable` (the server is shutting down), or on metered routes the AI provider's rate limit. Retry after `Retry-After` seconds. */
      503: {
        headers: {
          /** @description Seconds to wait before retrying */
          "Retry-After"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
    };
  };
  listRequests: {
    parameters: {
      query?: {
        /** @description an ISO 8601 date (YYYY-MM-DD: the whole UTC day) or date-time (e.g. 2025-08-11T12:00:00Z; no offset means UTC), inclusive */
        from?: string;
        /** @description an ISO 8601 date (YYYY-MM-DD: the whole UTC day) or date-time (e.g. 2025-08-11T12:00:00Z; no offset means UTC), inclusive */
        to?: string;
        /** @description Only this service's */
        service?: string;
        /** @description Only successful or only failed requests */
        status?: "success" | "error";
        /** @description 1-based page number */
        page?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            count: number;
            next: string | null;
            previous: string | null;
            results: {
              /** Format: uuid */
              id: string;
              /**
               * Format: date-time
               * @description ISO 8601, UTC (Z)
               */
              request_ts: string;
              /** @example core.image_solve */
              service: string;
              status: "success" | "error";
              duration_ms: number;
              request_bytes: number;
              response_bytes: number;
              /** Format: uuid */
              request_id: string;
              /** @example tok_ab12cd34 */
              token_prefix: string | null;
              /** @description Charged for this request, in cents; 0 for errors */
              cost_cents: number;
              error_code: string | null;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json). Temporarily unavailable: `database_unavailable` (the database cannot be reached; nothing was charged), `service_unavailable` (the server is shutting down), or on metered routes the AI provider's rate limit. Retry after `Retry-After` seconds. */
      503: {
        headers: {
          /** @description Seconds to wait before retrying */
          "Retry-After"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
    };
  };
  getUsageSummary: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            /** @description Every logged request, failed ones included (successful_requests + failed_requests); a billing period's total_requests counts only the successful ones */
            total_requests: number;
            /** @description Logged requests that succeeded: the billable ones a billing period counts */
            successful_requests: number;
            /** @description Logged requests that failed (cost 0; not counted in a billing period) */
            failed_requests: number;
            total_cost_cents: number;
            by_period: {
              /** @enum {string} */
              title: "Today" | "Yesterday" | "Last 7 Days" | "This Month";
              /** @description Every logged request in the window, failed ones included */
              count: number;
              /** @description Logged requests that succeeded: the billable ones a billing period counts */
              successful_requests: number;
              /** @description Logged requests that failed (cost 0; not counted in a billing period) */
              failed_requests: number;
              cost_cents: number;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json). Temporarily unavailable: `database_unavailable` (the database cannot be reached; nothing was charged), `service_unavailable` (the server is shutting down), or on metered routes the AI provider's rate limit. Retry after `Retry-After` seconds. */
      503: {
        headers: {
          /** @description Seconds to wait before retrying */
          "Retry-After"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
    };
  };
  getDailyUsage: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            /** @description The last 30 UTC days, oldest first, today last; quiet days included */
            days: {
              /**
               * Format: date
               * @description YYYY-MM-DD (UTC)
               */
              day: string;
              /** @description Every logged request that day, failed ones included */
              requests: number;
              /** @description Credits charged that day */
              credits: number;
              by_service: {
                service: string;
                requests: number;
                credits: number;
              }[];
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json). Temporarily unavailable: `database_unavailable` (the database cannot be reached; nothing was charged), `service_unavailable` (the server is shutting down), or on metered routes the AI provider's rate limit. Retry after `Retry-After` seconds. */
      503: {
        headers: {
          /** @description Seconds to wait before retrying */
          "Retry-After"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
    };
  };
  getCurrentBillingPeriod: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            /** Format: uuid */
            id: string;
            /**
             * Format: date
             * @description YYYY-MM-DD (UTC)
             */
            period_start: string;
            /**
             * Format: date
             * @description Last day of the month, inclusive
             */
            period_end: string;
            /** @description Billable (successful) requests; failed calls are logged but not counted (unlike the usage summary's total_requests) */
            total_requests: number;
            total_cost_cents: number;
            is_current: boolean;
            /** @description pending → paid | overdue | waived; overdue → paid | waived */
            payment_status: "pending" | "paid" | "overdue" | "waived";
            /**
             * Format: date-time
             * @description ISO 8601, UTC (Z)
             */
            paid_at: string | null;
            paid_amount_cents: number | null;
            payment_reference: string | null;
            /**
             * Format: date-time
             * @description ISO 8601, UTC (Z)
             */
            created_at: string;
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json). Temporarily unavailable: `database_unavailable` (the database cannot be reached; nothing was charged), `service_unavailable` (the server is shutting down), or on metered routes the AI provider's rate limit. Retry after `Retry-After` seconds. */
      503: {
        headers: {
          /** @description Seconds to wait before retrying */
          "Retry-After"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
    };
  };
  listBillingPeriods: {
    parameters: {
      query?: {
        /** @description Only periods with this payment status */
        status?: "pending" | "paid" | "overdue" | "waived";
        /** @description 1-based page number */
        page?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            count: number;
            next: string | null;
            previous: string | null;
            results: {
              /** Format: uuid */
              id: string;
              /**
               * Format: date
               * @description YYYY-MM-DD (UTC)
               */
              period_start: string;
              /**
               * Format: date
               * @description Last day of the month, inclusive
               */
              period_end: string;
              /** @description Billable (successful) requests; failed calls are logged but not counted (unlike the usage summary's total_requests) */
              total_requests: number;
              total_cost_cents: number;
              is_current: boolean;
              /** @description pending → paid | overdue | waived; overdue → paid | waived */
              payment_status: "pending" | "paid" | "overdue" | "waived";
              /**
               * Format: date-time
               * @description ISO 8601, UTC (Z)
               */
              paid_at: string | null;
              paid_amount_cents: number | null;
              payment_reference: string | null;
              /**
               * Format: date-time
               * @description ISO 8601, UTC (Z)
               */
              created_at: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json). Temporarily unavailable: `database_unavailable` (the database cannot be reached; nothing was charged), `service_unavailable` (the server is shutting down), or on metered routes the AI provider's rate limit. Retry after `Retry-After` seconds. */
      503: {
        headers: {
          /** @description Seconds to wait before retrying */
          "Retry-After"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
    };
  };
  getBillingPeriod: {
    parameters: {
      query?: {
        /** @description 1-based page number */
        page?: number;
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            period: {
              /** Format: uuid */
              id: string;
              /**
               * Format: date
               * @description YYYY-MM-DD (UTC)
               */
              period_start: string;
              /**
               * Format: date
               * @description Last day of the month, inclusive
               */
              period_end: string;
              /** @description Billable (successful) requests; failed calls are logged but not counted (unlike the usage summary's total_requests) */
              total_requests: number;
              total_cost_cents: number;
              is_current: boolean;
              /** @description pending → paid | overdue | waived; overdue → paid | waived */
              payment_status: "pending" | "paid" | "overdue" | "waived";
              /**
               * Format: date-time
               * @description ISO 8601, UTC (Z)
               */
              paid_at: string | null;
              paid_amount_cents: number | null;
              payment_reference: string | null;
              /**
               * Format: date-time
               * @description ISO 8601, UTC (Z)
               */
              created_at: string;
            };
            requests: {
              count: number;
              next: string | null;
              previous: string | null;
              results: {
                /** Format: uuid */
                id: string;
                /**
                 * Format: date-time
                 * @description ISO 8601, UTC (Z)
                 */
                request_ts: string;
                /** @example core.image_solve */
                service: string;
                status: "success" | "error";
                duration_ms: number;
                request_bytes: number;
                response_bytes: number;
                /** Format: uuid */
                request_id: string;
                /** @example tok_ab12cd34 */
                token_prefix: string | null;
                /** @description Charged for this request, in cents; 0 for errors */
                cost_cents: number;
                error_code: string | null;
              }[];
            };
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json). Temporarily unavailable: `database_unavailable` (the database cannot be reached; nothing was charged), `service_unavailable` (the server is shutting down), or on metered routes the AI provider's rate limit. Retry after `Retry-After` seconds. */
      503: {
        headers: {
          /** @description Seconds to wait before retrying */
          "Retry-After"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
    };
  };
  listAllBillingPeriods: {
    parameters: {
      query?: {
        /** @description Part of the user's email (any case) */
        email?: string;
        /** @description Only this user's */
        user?: string;
        /** @description Only periods with this payment status */
        status?: "pending" | "paid" | "overdue" | "waived";
        /** @description a month as YYYY-MM (UTC) */
        month?: string;
        /** @description 1-based page number */
        page?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            count: number;
            next: string | null;
            previous: string | null;
            results: {
              /** Format: uuid */
              id: string;
              /**
               * Format: date
               * @description YYYY-MM-DD (UTC)
               */
              period_start: string;
              /**
               * Format: date
               * @description Last day of the month, inclusive
               */
              period_end: string;
              /** @description Billable (successful) requests; failed calls are logged but not counted (unlike the usage summary's total_requests) */
              total_requests: number;
              total_cost_cents: number;
              is_current: boolean;
              /** @description pending → paid | overdue | waived; overdue → paid | waived */
              payment_status: "pending" | "paid" | "overdue" | "waived";
              /**
               * Format: date-time
               * @description ISO 8601, UTC (Z)
               */
              paid_at: string | null;
              paid_amount_cents: number | null;
              payment_reference: string | null;
              /**
               * Format: date-time
               * @description ISO 8601, UTC (Z)
               */
              created_at: string;
              /** Format: uuid */
              user_id: string;
              user_email: string;
              payment_notes: string | null;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json). Temporarily unavailable: `database_unavailable` (the database cannot be reached; nothing was charged), `service_unavailable` (the server is shutting down), or on metered routes the AI provider's rate limit. Retry after `Retry-After` seconds. */
      503: {
        headers: {
          /** @description Seconds to wait before retrying */
          "Retry-After"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
    };
  };
  markPeriodPaid: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        "application/json": {
          /** @description Amount received, in cents; default: the period's total */
          amount_cents?: number;
          /** @description Payment reference, e.g. an invoice or transfer id */
          reference?: string;
          /** @description Internal notes (staff only) */
          notes?: string;
        } | null;
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            /** Format: uuid */
            id: string;
            /**
             * Format: date
             * @description YYYY-MM-DD (UTC)
             */
            period_start: string;
            /**
             * Format: date
             * @description Last day of the month, inclusive
             */
            period_end: string;
            /** @description Billable (successful) requests; failed calls are logged but not counted (unlike the usage summary's total_requests) */
            total_requests: number;
            total_cost_cents: number;
            is_current: boolean;
            /** @description pending → paid | overdue | waived; overdue → paid | waived */
            payment_status: "pending" | "paid" | "overdue" | "waived";
            /**
             * Format: date-time
             * @description ISO 8601, UTC (Z)
             */
            paid_at: string | null;
            paid_amount_cents: number | null;
            payment_reference: string | null;
            /**
             * Format: date-time
             * @description ISO 8601, UTC (Z)
             */
            created_at: string;
            /** Format: uuid */
            user_id: string;
            user_email: string;
            payment_notes: string | null;
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json). Temporarily unavailable: `database_unavailable` (the database cannot be reached; nothing was charged), `service_unavailable` (the server is shutting down), or on metered routes the AI provider's rate limit. Retry after `Retry-After` seconds. */
      503: {
        headers: {
          /** @description Seconds to wait before retrying */
          "Retry-After"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
    };
  };
  markPeriodOverdue: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            /** Format: uuid */
            id: string;
            /**
             * Format: date
             * @description YYYY-MM-DD (UTC)
             */
            period_start: string;
            /**
             * Format: date
             * @description Last day of the month, inclusive
             */
            period_end: string;
            /** @description Billable (successful) requests; failed calls are logged but not counted (unlike the usage summary's total_requests) */
            total_requests: number;
            total_cost_cents: number;
            is_current: boolean;
            /** @description pending → paid | overdue | waived; overdue → paid | waived */
            payment_status: "pending" | "paid" | "overdue" | "waived";
            /**
             * Format: date-time
             * @description ISO 8601, UTC (Z)
             */
            paid_at: string | null;
            paid_amount_cents: number | null;
            payment_reference: string | null;
            /**
             * Format: date-time
             * @description ISO 8601, UTC (Z)
             */
            created_at: string;
            /** Format: uuid */
            user_id: string;
            user_email: string;
            payment_notes: string | null;
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json). Temporarily unavailable: `database_unavailable` (the database cannot be reached; nothing was charged), `service_unavailable` (the server is shutting down), or on metered routes the AI provider's rate limit. Retry after `Retry-After` seconds. */
      503: {
        headers: {
          /** @description Seconds to wait before retrying */
          "Retry-After"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
    };
  };
  markPeriodWaived: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        "application/json": {
          /** @description Why it was waived (staff only) */
          notes?: string;
        } | null;
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            /** Format: uuid */
            id: string;
            /**
             * Format: date
             * @description YYYY-MM-DD (UTC)
             */
            period_start: string;
            /**
             * Format: date
             * @description Last day of the month, inclusive
             */
            period_end: string;
            /** @description Billable (successful) requests; failed calls are logged but not counted (unlike the usage summary's total_requests) */
            total_requests: number;
            total_cost_cents: number;
            is_current: boolean;
            /** @description pending → paid | overdue | waived; overdue → paid | waived */
            payment_status: "pending" | "paid" | "overdue" | "waived";
            /**
             * Format: date-time
             * @description ISO 8601, UTC (Z)
             */
            paid_at: string | null;
            paid_amount_cents: number | null;
            payment_reference: string | null;
            /**
             * Format: date-time
             * @description ISO 8601, UTC (Z)
             */
            created_at: string;
            /** Format: uuid */
            user_id: string;
            user_email: string;
            payment_notes: string | null;
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json). Temporarily unavailable: `database_unavailable` (the database cannot be reached; nothing was charged), `service_unavailable` (the server is shutting down), or on metered routes the AI provider's rate limit. Retry after `Retry-After` seconds. */
      503: {
        headers: {
          /** @description Seconds to wait before retrying */
          "Retry-After"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
    };
  };
  listAllRequestLogs: {
    parameters: {
      query?: {
        /** @description Only this user's */
        user?: string;
        /** @description a token prefix, "tok_xxxxxxxx" or its 8 characters */
        token_prefix?: string;
        /** @description Only this service, e.g. core.image_solve */
        service?: string;
        status?: "success" | "error";
        /** @description Only requests that failed with this code */
        error_code?: string;
        /** @description an ISO 8601 date (YYYY-MM-DD: the whole UTC day) or date-time (e.g. 2025-08-11T12:00:00Z; no offset means UTC), inclusive */
        from?: string;
        /** @description an ISO 8601 date (YYYY-MM-DD: the whole UTC day) or date-time (e.g. 2025-08-11T12:00:00Z; no offset means UTC), inclusive */
        to?: string;
        /** @description 1-based page number */
        page?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            count: number;
            next: string | null;
            previous: string | null;
            results: {
              /** Format: uuid */
              id: string;
              /**
               * Format: date-time
               * @description ISO 8601, UTC (Z)
               */
              request_ts: string;
              /** @example core.image_solve */
              service: string;
              status: "success" | "error";
              duration_ms: number;
              request_bytes: number;
              response_bytes: number;
              /** Format: uuid */
              request_id: string;
              /** @example tok_ab12cd34 */
              token_prefix: string | null;
              /** @description Charged for this request, in cents; 0 for errors */
              cost_cents: number;
              error_code: string | null;
              user: {
                /** Format: uuid */
                id: string;
                email: string;
              };
              /** Format: uuid */
              billing_period_id: string | null;
              /** @description Credits this request was charged (prepaid services); 0 for errors */
              credits_charged: number;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json). Temporarily unavailable: `database_unavailable` (the database cannot be reached; nothing was charged), `service_unavailable` (the server is shutting down), or on metered routes the AI provider's rate limit. Retry after `Retry-After` seconds. */
      503: {
        headers: {
          /** @description Seconds to wait before retrying */
          "Retry-After"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
    };
  };
  getRequestLog: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            /** Format: uuid */
            id: string;
            /**
             * Format: date-time
             * @description ISO 8601, UTC (Z)
             */
            request_ts: string;
            /** @example core.image_solve */
            service: string;
            status: "success" | "error";
            duration_ms: number;
            request_bytes: number;
            response_bytes: number;
            /** Format: uuid */
            request_id: string;
            /** @example tok_ab12cd34 */
            token_prefix: string | null;
            /** @description Charged for this request, in cents; 0 for errors */
            cost_cents: number;
            error_code: string | null;
            user: {
              /** Format: uuid */
              id: string;
              email: string;
            };
            /** Format: uuid */
            billing_period_id: string | null;
            /** @description Credits this request was charged (prepaid services); 0 for errors */
            credits_charged: number;
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json). Temporarily unavailable: `database_unavailable` (the database cannot be reached; nothing was charged), `service_unavailable` (the server is shutting down), or on metered routes the AI provider's rate limit. Retry after `Retry-After` seconds. */
      503: {
        headers: {
          /** @description Seconds to wait before retrying */
          "Retry-After"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
    };
  };
  listServices: {
    parameters: {
      query?: {
        /** @description 1-based page number */
        page?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            count: number;
            next: string | null;
            previous: string | null;
            results: {
              name: string;
              type: "basic" | "text_processing" | "image_processing" | "data_validation";
              description: string;
              /** @description Credits a successful call costs (prepaid) */
              credit_cost: number;
              /** @description Cents a successful call adds to the billing period */
              price_cents: number;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json). Temporarily unavailable: `database_unavailable` (the database cannot be reached; nothing was charged), `service_unavailable` (the server is shutting down), or on metered routes the AI provider's rate limit. Retry after `Retry-After` seconds. */
      503: {
        headers: {
          /** @description Seconds to wait before retrying */
          "Retry-After"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
    };
  };
  getService: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The service's name, e.g. text_sentiment_analysis */
        name: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            name: string;
            type: "basic" | "text_processing" | "image_processing" | "data_validation";
            description: string;
            /** @description Credits a successful call costs (prepaid) */
            credit_cost: number;
            /** @description Cents a successful call adds to the billing period */
            price_cents: number;
            /** @description JSON Schema of `input` (or of the upload) */
            input_schema: unknown;
            /** @description JSON Schema of `result` */
            output_schema: unknown;
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json). Temporarily unavailable: `database_unavailable` (the database cannot be reached; nothing was charged), `service_unavailable` (the server is shutting down), or on metered routes the AI provider's rate limit. Retry after `Retry-After` seconds. */
      503: {
        headers: {
          /** @description Seconds to wait before retrying */
          "Retry-After"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
    };
  };
  runService: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The service's name, e.g. text_sentiment_analysis */
        name: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          /** @description The service's input_schema */
          input: Record<string, never>;
        };
        "multipart/form-data": {
          /**
           * Format: binary
           * @description An image, for image services (PNG, JPEG, GIF or WebP)
           */
          file: string;
        };
        "application/octet-stream": string;
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            /** Format: uuid */
            request_id: string;
            service: string;
            /** @description The service's answer; its shape is the service's output_schema */
            result: unknown;
            /** @description Credits this call was charged */
            credits_charged: number;
            /** @description Credits available after the call */
            balance: number;
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description insufficient_credits (with the credits needed and available) or plan_limit_exceeded (with the plan's tokens_per_month and the period's use) */
      402: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
            /** @description Credits the call costs */
            required?: number;
            /** @description Credits the account has available */
            available?: number;
            /** @description The plan's tokens_per_month */
            limit?: number;
            /** @description Tokens used since the period's start */
            used?: number;
            /** @description The effective plan's slug */
            plan?: string;
            /** Format: date-time */
            period_end?: string;
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      502: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json). Temporarily unavailable: `database_unavailable` (the database cannot be reached; nothing was charged), `service_unavailable` (the server is shutting down), or on metered routes the AI provider's rate limit. Retry after `Retry-After` seconds. */
      503: {
        headers: {
          /** @description Seconds to wait before retrying */
          "Retry-After"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      504: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
    };
  };
  listAllServices: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            name: string;
            /** @description From the code; null when the row's code is gone */
            type: string | null;
            description: string;
            /** @description Credits a successful call costs */
            credit_cost: number;
            price_cents: number;
            is_active: boolean;
            /** @description The code is in the registry */
            registered: boolean;
            /** @description The ai_services row exists */
            row_present: boolean;
          }[];
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json). Temporarily unavailable: `database_unavailable` (the database cannot be reached; nothing was charged), `service_unavailable` (the server is shutting down), or on metered routes the AI provider's rate limit. Retry after `Retry-After` seconds. */
      503: {
        headers: {
          /** @description Seconds to wait before retrying */
          "Retry-After"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
    };
  };
  updateService: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The service's name, e.g. text_sentiment_analysis */
        name: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          description?: string;
          /** @description Credits, at most 3 decimals */
          credit_cost?: number;
          price_cents?: number;
          is_active?: boolean;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            name: string;
            /** @description From the code; null when the row's code is gone */
            type: string | null;
            description: string;
            /** @description Credits a successful call costs */
            credit_cost: number;
            price_cents: number;
            is_active: boolean;
            /** @description The code is in the registry */
            registered: boolean;
            /** @description The ai_services row exists */
            row_present: boolean;
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json). Temporarily unavailable: `database_unavailable` (the database cannot be reached; nothing was charged), `service_unavailable` (the server is shutting down), or on metered routes the AI provider's rate limit. Retry after `Retry-After` seconds. */
      503: {
        headers: {
          /** @description Seconds to wait before retrying */
          "Retry-After"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
    };
  };
  getCreditBalance: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            /** @description Credits that can be spent now (reservations excluded) */
            total_available: number;
            trial_credits: number;
            subscription_credits: number;
            /** @description Pay-as-you-go credits; they never expire */
            payg_credits: number;
            adjustment_credits: number;
            /** @description Credits held by calls in progress */
            reserved: number;
            next_expiry: {
              credits: number;
              /** Format: date-time */
              expires_at: string;
            } | null;
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json). Temporarily unavailable: `database_unavailable` (the database cannot be reached; nothing was charged), `service_unavailable` (the server is shutting down), or on metered routes the AI provider's rate limit. Retry after `Retry-After` seconds. */
      503: {
        headers: {
          /** @description Seconds to wait before retrying */
          "Retry-After"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
    };
  };
  listCreditTransactions: {
    parameters: {
      query?: {
        type?:
          "grant" | "reserve" | "settle" | "charge" | "release" | "refund" | "expire" | "adjust";
        /** @description 1-based page number */
        page?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            count: number;
            next: string | null;
            previous: string | null;
            results: {
              /** Format: uuid */
              id: string;
              /** Format: date-time */
              created_at: string;
              type:
                | "grant"
                | "reserve"
                | "settle"
                | "charge"
                | "release"
                | "refund"
                | "expire"
                | "adjust";
              /** @description Change to the account's unspent credits (negative takes away) */
              amount: number;
              /** @description The account's unspent credits right after this entry */
              balance_after: number;
              service: string | null;
              /** Format: uuid */
              request_id: string | null;
              reason: string | null;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json). Temporarily unavailable: `database_unavailable` (the database cannot be reached; nothing was charged), `service_unavailable` (the server is shutting down), or on metered routes the AI provider's rate limit. Retry after `Retry-After` seconds. */
      503: {
        headers: {
          /** @description Seconds to wait before retrying */
          "Retry-After"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
    };
  };
  getUserCreditBalance: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            /** @description Credits that can be spent now (reservations excluded) */
            total_available: number;
            trial_credits: number;
            subscription_credits: number;
            /** @description Pay-as-you-go credits; they never expire */
            payg_credits: number;
            adjustment_credits: number;
            /** @description Credits held by calls in progress */
            reserved: number;
            next_expiry: {
              credits: number;
              /** Format: date-time */
              expires_at: string;
            } | null;
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json). Temporarily unavailable: `database_unavailable` (the database cannot be reached; nothing was charged), `service_unavailable` (the server is shutting down), or on metered routes the AI provider's rate limit. Retry after `Retry-After` seconds. */
      503: {
        headers: {
          /** @description Seconds to wait before retrying */
          "Retry-After"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
    };
  };
  adjustCredits: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          /** @description Credits (at most 3 decimals): positive grants, negative takes available credits away */
          amount: number;
          reason: string;
          /** @description Kind of the credits a positive amount grants (default adjustment) */
          kind?: "payg" | "adjustment";
          /**
           * Format: date-time
           * @description When a positive amount's credits expire; null or absent: never
           */
          expires_at?: string | null;
        };
      };
    };
    responses: {
      /** @description Default Response */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            /** Format: uuid */
            user_id: string;
            amount: number;
            balance: {
              /** @description Credits that can be spent now (reservations excluded) */
              total_available: number;
              trial_credits: number;
              subscription_credits: number;
              /** @description Pay-as-you-go credits; they never expire */
              payg_credits: number;
              adjustment_credits: number;
              /** @description Credits held by calls in progress */
              reserved: number;
              next_expiry: {
                credits: number;
                /** Format: date-time */
                expires_at: string;
              } | null;
            };
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json). Temporarily unavailable: `database_unavailable` (the database cannot be reached; nothing was charged), `service_unavailable` (the server is shutting down), or on metered routes the AI provider's rate limit. Retry after `Retry-After` seconds. */
      503: {
        headers: {
          /** @description Seconds to wait before retrying */
          "Retry-After"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
    };
  };
  listAllCreditTransactions: {
    parameters: {
      query?: {
        /** @description Only this user's */
        user?: string;
        type?:
          "grant" | "reserve" | "settle" | "charge" | "release" | "refund" | "expire" | "adjust";
        /** @description 1-based page number */
        page?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            count: number;
            next: string | null;
            previous: string | null;
            results: {
              /** Format: uuid */
              id: string;
              /** Format: date-time */
              created_at: string;
              type:
                | "grant"
                | "reserve"
                | "settle"
                | "charge"
                | "release"
                | "refund"
                | "expire"
                | "adjust";
              /** @description Change to the account's unspent credits (negative takes away) */
              amount: number;
              /** @description The account's unspent credits right after this entry */
              balance_after: number;
              service: string | null;
              /** Format: uuid */
              request_id: string | null;
              reason: string | null;
              user: {
                /** Format: uuid */
                id: string;
                email: string;
              };
              /** Format: uuid */
              actor_id: string | null;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json). Temporarily unavailable: `database_unavailable` (the database cannot be reached; nothing was charged), `service_unavailable` (the server is shutting down), or on metered routes the AI provider's rate limit. Retry after `Retry-After` seconds. */
      503: {
        headers: {
          /** @description Seconds to wait before retrying */
          "Retry-After"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
    };
  };
  listAuditLog: {
    parameters: {
      query?: {
        /** @description The staff user's id */
        actor?: string;
        action?: string;
        target_id?: string;
        /** @description 1-based page number */
        page?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            count: number;
            next: string | null;
            previous: string | null;
            results: {
              /** Format: uuid */
              id: string;
              /** Format: date-time */
              created_at: string;
              /** @description The staff user; null for the CLI */
              actor: {
                /** Format: uuid */
                id: string;
                email: string;
              } | null;
              /** @description e.g. credits.adjust, service.update, invite.create */
              action: string;
              target_type: string;
              target_id: string;
              details: {
                [key: string]: unknown;
              };
              /** Format: uuid */
              request_id: string | null;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json). Temporarily unavailable: `database_unavailable` (the database cannot be reached; nothing was charged), `service_unavailable` (the server is shutting down), or on metered routes the AI provider's rate limit. Retry after `Retry-After` seconds. */
      503: {
        headers: {
          /** @description Seconds to wait before retrying */
          "Retry-After"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
    };
  };
  getAdminStats: {
    parameters: {
      query?: {
        /** @description YYYY-MM-DD (UTC) */
        from?: string;
        /** @description YYYY-MM-DD (UTC) */
        to?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            window: {
              /**
               * Format: date
               * @description YYYY-MM-DD (UTC)
               */
              from: string;
              /**
               * Format: date
               * @description Last day, inclusive
               */
              to: string;
              /** @description Logged requests, failed ones included */
              requests: number;
              errors: number;
              /** @description errors / requests; null without requests */
              error_rate: number | null;
              /** @description Collected: the paid amounts of the periods marked paid in the window */
              revenue_cents: number;
              /** @description Credits granted (grants and staff adjustments that add credits) */
              credits_granted: number;
              /** @description Credits calls spent, net of what was released and refunded */
              credits_consumed: number;
              /** @description Distinct users with a logged request */
              active_users: number;
            };
            today: {
              /**
               * Format: date
               * @description YYYY-MM-DD (UTC)
               */
              from: string;
              /**
               * Format: date
               * @description Last day, inclusive
               */
              to: string;
              /** @description Logged requests, failed ones included */
              requests: number;
              errors: number;
              /** @description errors / requests; null without requests */
              error_rate: number | null;
              /** @description Collected: the paid amounts of the periods marked paid in the window */
              revenue_cents: number;
              /** @description Credits granted (grants and staff adjustments that add credits) */
              credits_granted: number;
              /** @description Credits calls spent, net of what was released and refunded */
              credits_consumed: number;
              /** @description Distinct users with a logged request */
              active_users: number;
            };
            /** @description Periods overdue now, whatever the window */
            open_overdue_periods: number;
            /** @description Today and the 29 days before, one entry a day, whatever the window */
            series: {
              /**
               * Format: date
               * @description YYYY-MM-DD (UTC)
               */
              from: string;
              /**
               * Format: date
               * @description YYYY-MM-DD (UTC)
               */
              to: string;
              days: {
                /**
                 * Format: date
                 * @description YYYY-MM-DD (UTC)
                 */
                day: string;
                requests: number;
                /** @description Requests per service that day; services without any are left out */
                requests_by_service: {
                  [key: string]: number;
                };
                revenue_cents: number;
              }[];
            };
            /** @description The window's 10 latest failed requests, newest first */
            latest_errors: {
              /** Format: uuid */
              id: string;
              /**
               * Format: date-time
               * @description ISO 8601, UTC (Z)
               */
              request_ts: string;
              /** @example core.image_solve */
              service: string;
              status: "success" | "error";
              duration_ms: number;
              request_bytes: number;
              response_bytes: number;
              /** Format: uuid */
              request_id: string;
              /** @example tok_ab12cd34 */
              token_prefix: string | null;
              /** @description Charged for this request, in cents; 0 for errors */
              cost_cents: number;
              error_code: string | null;
              user: {
                /** Format: uuid */
                id: string;
                email: string;
              };
              /** Format: uuid */
              billing_period_id: string | null;
              /** @description Credits this request was charged (prepaid services); 0 for errors */
              credits_charged: number;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json). Temporarily unavailable: `database_unavailable` (the database cannot be reached; nothing was charged), `service_unavailable` (the server is shutting down), or on metered routes the AI provider's rate limit. Retry after `Retry-After` seconds. */
      503: {
        headers: {
          /** @description Seconds to wait before retrying */
          "Retry-After"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
    };
  };
  getAdminPreflight: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            /** @description The worst status of any check */
            status: "ok" | "warn" | "fail";
            /** Format: date-time */
            checked_at: string;
            checks: {
              /** @description e.g. database, migrations, email, ai_provider, redis, job.credit_expiry, deployment */
              name: string;
              status: "ok" | "warn" | "fail";
              /** @description One line: what the check found */
              detail: string;
              /** @description One line: what to do about it; null when ok */
              fix: string | null;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json). Temporarily unavailable: `database_unavailable` (the database cannot be reached; nothing was charged), `service_unavailable` (the server is shutting down), or on metered routes the AI provider's rate limit. Retry after `Retry-After` seconds. */
      503: {
        headers: {
          /** @description Seconds to wait before retrying */
          "Retry-After"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
    };
  };
  sendAdminTestEmail: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            /** @enum {boolean} */
            sent: true;
            /** @description The calling staff member's email */
            to: string;
            /** @description outbox: no EMAIL_HOST, so the message was written to DATA_DIR/outbox/ */
            transport: "smtp" | "outbox";
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      502: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json). Temporarily unavailable: `database_unavailable` (the database cannot be reached; nothing was charged), `service_unavailable` (the server is shutting down), or on metered routes the AI provider's rate limit. Retry after `Retry-After` seconds. */
      503: {
        headers: {
          /** @description Seconds to wait before retrying */
          "Retry-After"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
    };
  };
  listProducts: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            results: {
              /** Format: uuid */
              id: string;
              name: string;
              slug: string;
              description: string;
              kind: "credits" | "digital" | "service" | "subscription";
              /** @description Credits a pack (or a plan, per period) gives */
              credit_amount: number | null;
              feature_keys: string[];
              /** @description A plan's limits: tokens_per_month, posts_per_month, workspaces, members, requests_per_minute; null (or absent) is unlimited */
              limits: {
                [key: string]: number | null;
              };
              /** @description Plans: a period's unspent credits stay valid after it ends */
              rollover_credits: boolean;
              display_order: number;
              prices: {
                /** Format: uuid */
                id: string;
                unit_amount_cents: number;
                /** @description ISO 4217, lower-case */
                currency: string;
                interval: "one_time" | "month" | "year";
                is_default: boolean;
              }[];
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json). Temporarily unavailable: `database_unavailable` (the database cannot be reached; nothing was charged), `service_unavailable` (the server is shutting down), or on metered routes the AI provider's rate limit. Retry after `Retry-After` seconds. */
      503: {
        headers: {
          /** @description Seconds to wait before retrying */
          "Retry-After"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
    };
  };
  getProduct: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        slug: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            /** Format: uuid */
            id: string;
            name: string;
            slug: string;
            description: string;
            kind: "credits" | "digital" | "service" | "subscription";
            /** @description Credits a pack (or a plan, per period) gives */
            credit_amount: number | null;
            feature_keys: string[];
            /** @description A plan's limits: tokens_per_month, posts_per_month, workspaces, members, requests_per_minute; null (or absent) is unlimited */
            limits: {
              [key: string]: number | null;
            };
            /** @description Plans: a period's unspent credits stay valid after it ends */
            rollover_credits: boolean;
            display_order: number;
            prices: {
              /** Format: uuid */
              id: string;
              unit_amount_cents: number;
              /** @description ISO 4217, lower-case */
              currency: string;
              interval: "one_time" | "month" | "year";
              is_default: boolean;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json). Temporarily unavailable: `database_unavailable` (the database cannot be reached; nothing was charged), `service_unavailable` (the server is shutting down), or on metered routes the AI provider's rate limit. Retry after `Retry-After` seconds. */
      503: {
        headers: {
          /** @description Seconds to wait before retrying */
          "Retry-After"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
    };
  };
  listAllProducts: {
    parameters: {
      query?: {
        kind?: "credits" | "digital" | "service" | "subscription";
        is_active?: boolean;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            results: {
              /** Format: uuid */
              id: string;
              name: string;
              slug: string;
              description: string;
              kind: "credits" | "digital" | "service" | "subscription";
              /** @description Credits a pack (or a plan, per period) gives */
              credit_amount: number | null;
              feature_keys: string[];
              /** @description A plan's limits: tokens_per_month, posts_per_month, workspaces, members, requests_per_minute; null (or absent) is unlimited */
              limits: {
                [key: string]: number | null;
              };
              /** @description Plans: a period's unspent credits stay valid after it ends */
              rollover_credits: boolean;
              display_order: number;
              is_active: boolean;
              provider_product_id: string | null;
              /** Format: date-time */
              created_at: string;
              /** Format: date-time */
              updated_at: string;
              prices: {
                /** Format: uuid */
                id: string;
                unit_amount_cents: number;
                /** @description ISO 4217, lower-case */
                currency: string;
                interval: "one_time" | "month" | "year";
                is_default: boolean;
                /** Format: uuid */
                product_id: string;
                is_active: boolean;
                provider_price_id: string | null;
                /** Format: date-time */
                created_at: string;
                /** Format: date-time */
                updated_at: string;
              }[];
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json). Temporarily unavailable: `database_unavailable` (the database cannot be reached; nothing was charged), `service_unavailable` (the server is shutting down), or on metered routes the AI provider's rate limit. Retry after `Retry-After` seconds. */
      503: {
        headers: {
          /** @description Seconds to wait before retrying */
          "Retry-After"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
    };
  };
  createProduct: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          name: string;
          slug: string;
          kind: "credits" | "digital" | "service" | "subscription";
          description?: string;
          /** @description Credits, at most 3 decimals; > 0 */
          credit_amount?: number | null;
          feature_keys?: string[];
          limits?: {
            [key: string]: number | null;
          };
          rollover_credits?: boolean;
          display_order?: number;
          is_active?: boolean;
        };
      };
    };
    responses: {
      /** @description Default Response */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            /** Format: uuid */
            id: string;
            name: string;
            slug: string;
            description: string;
            kind: "credits" | "digital" | "service" | "subscription";
            /** @description Credits a pack (or a plan, per period) gives */
            credit_amount: number | null;
            feature_keys: string[];
            /** @description A plan's limits: tokens_per_month, posts_per_month, workspaces, members, requests_per_minute; null (or absent) is unlimited */
            limits: {
              [key: string]: number | null;
            };
            /** @description Plans: a period's unspent credits stay valid after it ends */
            rollover_credits: boolean;
            display_order: number;
            is_active: boolean;
            provider_product_id: string | null;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
            prices: {
              /** Format: uuid */
              id: string;
              unit_amount_cents: number;
              /** @description ISO 4217, lower-case */
              currency: string;
              interval: "one_time" | "month" | "year";
              is_default: boolean;
              /** Format: uuid */
              product_id: string;
              is_active: boolean;
              provider_price_id: string | null;
              /** Format: date-time */
              created_at: string;
              /** Format: date-time */
              updated_at: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json). Temporarily unavailable: `database_unavailable` (the database cannot be reached; nothing was charged), `service_unavailable` (the server is shutting down), or on metered routes the AI provider's rate limit. Retry after `Retry-After` seconds. */
      503: {
        headers: {
          /** @description Seconds to wait before retrying */
          "Retry-After"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
    };
  };
  updateProduct: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          name?: string;
          slug?: string;
          description?: string;
          /** @description Credits, at most 3 decimals; > 0 */
          credit_amount?: number | null;
          feature_keys?: string[];
          limits?: {
            [key: string]: number | null;
          };
          rollover_credits?: boolean;
          display_order?: number;
          is_active?: boolean;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            /** Format: uuid */
            id: string;
            name: string;
            slug: string;
            description: string;
            kind: "credits" | "digital" | "service" | "subscription";
            /** @description Credits a pack (or a plan, per period) gives */
            credit_amount: number | null;
            feature_keys: string[];
            /** @description A plan's limits: tokens_per_month, posts_per_month, workspaces, members, requests_per_minute; null (or absent) is unlimited */
            limits: {
              [key: string]: number | null;
            };
            /** @description Plans: a period's unspent credits stay valid after it ends */
            rollover_credits: boolean;
            display_order: number;
            is_active: boolean;
            provider_product_id: string | null;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
            prices: {
              /** Format: uuid */
              id: string;
              unit_amount_cents: number;
              /** @description ISO 4217, lower-case */
              currency: string;
              interval: "one_time" | "month" | "year";
              is_default: boolean;
              /** Format: uuid */
              product_id: string;
              is_active: boolean;
              provider_price_id: string | null;
              /** Format: date-time */
              created_at: string;
              /** Format: date-time */
              updated_at: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json). Temporarily unavailable: `database_unavailable` (the database cannot be reached; nothing was charged), `service_unavailable` (the server is shutting down), or on metered routes the AI provider's rate limit. Retry after `Retry-After` seconds. */
      503: {
        headers: {
          /** @description Seconds to wait before retrying */
          "Retry-After"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
    };
  };
  createPrice: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          unit_amount_cents: number;
          /** @description ISO 4217, lower-case */
          currency: string;
          interval?: "one_time" | "month" | "year";
          is_default?: boolean;
        };
      };
    };
    responses: {
      /** @description Default Response */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            /** Format: uuid */
            id: string;
            unit_amount_cents: number;
            /** @description ISO 4217, lower-case */
            currency: string;
            interval: "one_time" | "month" | "year";
            is_default: boolean;
            /** Format: uuid */
            product_id: string;
            is_active: boolean;
            provider_price_id: string | null;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json). Temporarily unavailable: `database_unavailable` (the database cannot be reached; nothing was charged), `service_unavailable` (the server is shutting down), or on metered routes the AI provider's rate limit. Retry after `Retry-After` seconds. */
      503: {
        headers: {
          /** @description Seconds to wait before retrying */
          "Retry-After"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
    };
  };
  updatePrice: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          is_active?: boolean;
          is_default?: boolean;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            /** Format: uuid */
            id: string;
            unit_amount_cents: number;
            /** @description ISO 4217, lower-case */
            currency: string;
            interval: "one_time" | "month" | "year";
            is_default: boolean;
            /** Format: uuid */
            product_id: string;
            is_active: boolean;
            provider_price_id: string | null;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json). Temporarily unavailable: `database_unavailable` (the database cannot be reached; nothing was charged), `service_unavailable` (the server is shutting down), or on metered routes the AI provider's rate limit. Retry after `Retry-After` seconds. */
      503: {
        headers: {
          /** @description Seconds to wait before retrying */
          "Retry-After"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
    };
  };
  syncCatalog: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            products: {
              created: number;
              updated: number;
              deactivated: number;
              skipped: {
                id: string;
                reason: string;
              }[];
            };
            prices: {
              created: number;
              updated: number;
              deactivated: number;
              skipped: {
                id: string;
                reason: string;
              }[];
            };
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      502: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json). Temporarily unavailable: `database_unavailable` (the database cannot be reached; nothing was charged), `service_unavailable` (the server is shutting down), or on metered routes the AI provider's rate limit. Retry after `Retry-After` seconds. */
      503: {
        headers: {
          /** @description Seconds to wait before retrying */
          "Retry-After"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
    };
  };
  createOrder: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          /** Format: uuid */
          price_id: string;
          /** @default 1 */
          quantity?: number;
          /** @description Where the checkout sends the buyer back (paid or not): a path of this server, such as /app/payments/{order_id} (the placeholder becomes the order's id). No scheme, host, query or dot segments: anything else is 400 validation_error. Without it, the server's /checkout/return page. */
          return_path?: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            order: {
              /** Format: uuid */
              id: string;
              status:
                | "pending"
                | "paid"
                | "fulfilled"
                | "canceled"
                | "expired"
                | "failed"
                | "refunded"
                | "partially_refunded";
              /** @description The product's kind; null for a billing period */
              kind: string | null;
              description: string;
              /** Format: uuid */
              product_id: string | null;
              /** Format: uuid */
              price_id: string | null;
              /** Format: uuid */
              billing_period_id: string | null;
              quantity: number;
              amount_cents: number;
              currency: string;
              /** @description Credits the order grants when paid */
              credit_amount: number | null;
              provider: string;
              paid_amount_cents: number | null;
              refunded_cents: number;
              /** Format: date-time */
              created_at: string;
              /** Format: date-time */
              paid_at: string | null;
              /** Format: date-time */
              fulfilled_at: string | null;
            };
            /** Format: uri */
            checkout_url: string;
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      502: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json). Temporarily unavailable: `database_unavailable` (the database cannot be reached; nothing was charged), `service_unavailable` (the server is shutting down), or on metered routes the AI provider's rate limit. Retry after `Retry-After` seconds. */
      503: {
        headers: {
          /** @description Seconds to wait before retrying */
          "Retry-After"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
    };
  };
  payBillingPeriod: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          /** @description Where the checkout sends the buyer back (paid or not): a path of this server, such as /app/payments/{order_id} (the placeholder becomes the order's id). No scheme, host, query or dot segments: anything else is 400 validation_error. Without it, the server's /checkout/return page. */
          return_path?: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            order: {
              /** Format: uuid */
              id: string;
              status:
                | "pending"
                | "paid"
                | "fulfilled"
                | "canceled"
                | "expired"
                | "failed"
                | "refunded"
                | "partially_refunded";
              /** @description The product's kind; null for a billing period */
              kind: string | null;
              description: string;
              /** Format: uuid */
              product_id: string | null;
              /** Format: uuid */
              price_id: string | null;
              /** Format: uuid */
              billing_period_id: string | null;
              quantity: number;
              amount_cents: number;
              currency: string;
              /** @description Credits the order grants when paid */
              credit_amount: number | null;
              provider: string;
              paid_amount_cents: number | null;
              refunded_cents: number;
              /** Format: date-time */
              created_at: string;
              /** Format: date-time */
              paid_at: string | null;
              /** Format: date-time */
              fulfilled_at: string | null;
            };
            /** Format: uri */
            checkout_url: string;
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      502: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json). Temporarily unavailable: `database_unavailable` (the database cannot be reached; nothing was charged), `service_unavailable` (the server is shutting down), or on metered routes the AI provider's rate limit. Retry after `Retry-After` seconds. */
      503: {
        headers: {
          /** @description Seconds to wait before retrying */
          "Retry-After"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
    };
  };
  listOrders: {
    parameters: {
      query?: {
        /** @description 1-based page number */
        page?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            count: number;
            next: string | null;
            previous: string | null;
            results: {
              /** Format: uuid */
              id: string;
              status:
                | "pending"
                | "paid"
                | "fulfilled"
                | "canceled"
                | "expired"
                | "failed"
                | "refunded"
                | "partially_refunded";
              /** @description The product's kind; null for a billing period */
              kind: string | null;
              description: string;
              /** Format: uuid */
              product_id: string | null;
              /** Format: uuid */
              price_id: string | null;
              /** Format: uuid */
              billing_period_id: string | null;
              quantity: number;
              amount_cents: number;
              currency: string;
              /** @description Credits the order grants when paid */
              credit_amount: number | null;
              provider: string;
              paid_amount_cents: number | null;
              refunded_cents: number;
              /** Format: date-time */
              created_at: string;
              /** Format: date-time */
              paid_at: string | null;
              /** Format: date-time */
              fulfilled_at: string | null;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json). Temporarily unavailable: `database_unavailable` (the database cannot be reached; nothing was charged), `service_unavailable` (the server is shutting down), or on metered routes the AI provider's rate limit. Retry after `Retry-After` seconds. */
      503: {
        headers: {
          /** @description Seconds to wait before retrying */
          "Retry-After"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
    };
  };
  getOrder: {
    parameters: {
      query?: {
        refresh?: "0" | "1";
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            /** Format: uuid */
            id: string;
            status:
              | "pending"
              | "paid"
              | "fulfilled"
              | "canceled"
              | "expired"
              | "failed"
              | "refunded"
              | "partially_refunded";
            /** @description The product's kind; null for a billing period */
            kind: string | null;
            description: string;
            /** Format: uuid */
            product_id: string | null;
            /** Format: uuid */
            price_id: string | null;
            /** Format: uuid */
            billing_period_id: string | null;
            quantity: number;
            amount_cents: number;
            currency: string;
            /** @description Credits the order grants when paid */
            credit_amount: number | null;
            provider: string;
            paid_amount_cents: number | null;
            refunded_cents: number;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            paid_at: string | null;
            /** Format: date-time */
            fulfilled_at: string | null;
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json). Temporarily unavailable: `database_unavailable` (the database cannot be reached; nothing was charged), `service_unavailable` (the server is shutting down), or on metered routes the AI provider's rate limit. Retry after `Retry-After` seconds. */
      503: {
        headers: {
          /** @description Seconds to wait before retrying */
          "Retry-After"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
    };
  };
  listReceipts: {
    parameters: {
      query?: {
        /** @description 1-based page number */
        page?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            count: number;
            next: string | null;
            previous: string | null;
            results: {
              /** Format: uuid */
              id: string;
              /** @description Unique and gap-free per year: R-2026-000001 */
              number: string;
              /** Format: uuid */
              order_id: string;
              email: string;
              description: string;
              quantity: number;
              amount_cents: number;
              currency: string;
              provider: string;
              provider_payment_id: string | null;
              /** Format: date-time */
              issued_at: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json). Temporarily unavailable: `database_unavailable` (the database cannot be reached; nothing was charged), `service_unavailable` (the server is shutting down), or on metered routes the AI provider's rate limit. Retry after `Retry-After` seconds. */
      503: {
        headers: {
          /** @description Seconds to wait before retrying */
          "Retry-After"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
    };
  };
  getReceipt: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            /** Format: uuid */
            id: string;
            /** @description Unique and gap-free per year: R-2026-000001 */
            number: string;
            /** Format: uuid */
            order_id: string;
            email: string;
            description: string;
            quantity: number;
            amount_cents: number;
            currency: string;
            provider: string;
            provider_payment_id: string | null;
            /** Format: date-time */
            issued_at: string;
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json). Temporarily unavailable: `database_unavailable` (the database cannot be reached; nothing was charged), `service_unavailable` (the server is shutting down), or on metered routes the AI provider's rate limit. Retry after `Retry-After` seconds. */
      503: {
        headers: {
          /** @description Seconds to wait before retrying */
          "Retry-After"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
    };
  };
  printReceipt: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The printable receipt */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "text/html": string;
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json). Temporarily unavailable: `database_unavailable` (the database cannot be reached; nothing was charged), `service_unavailable` (the server is shutting down), or on metered routes the AI provider's rate limit. Retry after `Retry-After` seconds. */
      503: {
        headers: {
          /** @description Seconds to wait before retrying */
          "Retry-After"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
    };
  };
  listAllOrders: {
    parameters: {
      query?: {
        /** @description An order or user id, part of the buyer's email, a provider session or payment id, or a receipt number */
        q?: string;
        status?:
          | "pending"
          | "paid"
          | "fulfilled"
          | "canceled"
          | "expired"
          | "failed"
          | "refunded"
          | "partially_refunded";
        /** @description The product's kind, or billing_period */
        kind?: "credits" | "digital" | "service" | "subscription" | "billing_period";
        /** @description The payment provider */
        provider?: "local" | "stripe";
        /** @description an ISO 8601 date (YYYY-MM-DD: the whole UTC day) or date-time (e.g. 2025-08-11T12:00:00Z; no offset means UTC), inclusive */
        from?: string;
        /** @description an ISO 8601 date (YYYY-MM-DD: the whole UTC day) or date-time (e.g. 2025-08-11T12:00:00Z; no offset means UTC), inclusive */
        to?: string;
        /** @description 1-based page number */
        page?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            count: number;
            next: string | null;
            previous: string | null;
            results: {
              /** Format: uuid */
              id: string;
              status:
                | "pending"
                | "paid"
                | "fulfilled"
                | "canceled"
                | "expired"
                | "failed"
                | "refunded"
                | "partially_refunded";
              /** @description The product's kind; null for a billing period */
              kind: string | null;
              description: string;
              /** Format: uuid */
              product_id: string | null;
              /** Format: uuid */
              price_id: string | null;
              /** Format: uuid */
              billing_period_id: string | null;
              quantity: number;
              amount_cents: number;
              currency: string;
              /** @description Credits the order grants when paid */
              credit_amount: number | null;
              provider: string;
              paid_amount_cents: number | null;
              refunded_cents: number;
              /** Format: date-time */
              created_at: string;
              /** Format: date-time */
              paid_at: string | null;
              /** Format: date-time */
              fulfilled_at: string | null;
              /** Format: uuid */
              user_id: string;
              user_email: string;
              provider_session_id: string | null;
              provider_payment_id: string | null;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json). Temporarily unavailable: `database_unavailable` (the database cannot be reached; nothing was charged), `service_unavailable` (the server is shutting down), or on metered routes the AI provider's rate limit. Retry after `Retry-After` seconds. */
      503: {
        headers: {
          /** @description Seconds to wait before retrying */
          "Retry-After"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
    };
  };
  getOrderInvestigation: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            order: {
              /** Format: uuid */
              id: string;
              status:
                | "pending"
                | "paid"
                | "fulfilled"
                | "canceled"
                | "expired"
                | "failed"
                | "refunded"
                | "partially_refunded";
              /** @description The product's kind; null for a billing period */
              kind: string | null;
              description: string;
              /** Format: uuid */
              product_id: string | null;
              /** Format: uuid */
              price_id: string | null;
              /** Format: uuid */
              billing_period_id: string | null;
              quantity: number;
              amount_cents: number;
              currency: string;
              /** @description Credits the order grants when paid */
              credit_amount: number | null;
              provider: string;
              paid_amount_cents: number | null;
              refunded_cents: number;
              /** Format: date-time */
              created_at: string;
              /** Format: date-time */
              paid_at: string | null;
              /** Format: date-time */
              fulfilled_at: string | null;
              /** Format: uuid */
              user_id: string;
              user_email: string;
              provider_session_id: string | null;
              provider_payment_id: string | null;
            };
            events: {
              /** Format: uuid */
              id: string;
              provider: string;
              provider_event_id: string;
              type: string;
              outcome: string;
              summary: {
                [key: string]: unknown;
              };
              /** Format: date-time */
              event_created_at: string;
              /** Format: date-time */
              received_at: string;
            }[];
            refunds: {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              order_id: string;
              provider: string;
              provider_refund_id: string | null;
              amount_cents: number;
              /** @enum {string} */
              status: "pending" | "requires_action" | "succeeded" | "failed" | "canceled";
              reason: string;
              /** Format: uuid */
              requested_by: string | null;
              /** @description Credits of the order taken back */
              credits_clawed_back: number;
              /** @description Credits that could not be taken back: already spent */
              credit_shortfall: number;
              /** Format: date-time */
              applied_at: string | null;
              /** Format: date-time */
              created_at: string;
            }[];
            receipt: {
              /** Format: uuid */
              id: string;
              /** @description Unique and gap-free per year: R-2026-000001 */
              number: string;
              /** Format: uuid */
              order_id: string;
              email: string;
              description: string;
              quantity: number;
              amount_cents: number;
              currency: string;
              provider: string;
              provider_payment_id: string | null;
              /** Format: date-time */
              issued_at: string;
            } | null;
            credit_grant: {
              /** Format: uuid */
              id: string;
              /** @description Credits granted */
              amount: number;
              /** @description Still unspent */
              remaining: number;
              /** @description Taken back by refunds and staff debits */
              taken_back: number;
            } | null;
            ledger_entries: {
              /** Format: uuid */
              id: string;
              type: string;
              /** @description The entry's change to the account's unspent credits */
              amount: number;
              /** @description Unspent credits right after it */
              balance_after: number;
              reason: string | null;
              /** Format: date-time */
              created_at: string;
            }[];
            refundable_cents: number;
            /** @description A digital order's download grants */
            downloads: {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              order_id: string;
              filename: string;
              max_downloads: number;
              download_count: number;
              /** @description Downloads left before the grant is used up */
              remaining: number;
              /** Format: date-time */
              expires_at: string;
              /**
               * Format: date-time
               * @description Set by a full refund
               */
              revoked_at: string | null;
              /** Format: date-time */
              last_downloaded_at: string | null;
              /** Format: date-time */
              created_at: string;
              /** Format: uuid */
              asset_id: string;
            }[];
            /** @description Whether POST …/confirm would fulfil it now: a pending order with a checkout, and ORDER_CONFIRM_ALLOW_MANUAL on */
            can_confirm: boolean;
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json). Temporarily unavailable: `database_unavailable` (the database cannot be reached; nothing was charged), `service_unavailable` (the server is shutting down), or on metered routes the AI provider's rate limit. Retry after `Retry-After` seconds. */
      503: {
        headers: {
          /** @description Seconds to wait before retrying */
          "Retry-After"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
    };
  };
  refundOrder: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          amount_cents?: number;
          reason: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            order_id: string;
            provider: string;
            provider_refund_id: string | null;
            amount_cents: number;
            /** @enum {string} */
            status: "pending" | "requires_action" | "succeeded" | "failed" | "canceled";
            reason: string;
            /** Format: uuid */
            requested_by: string | null;
            /** @description Credits of the order taken back */
            credits_clawed_back: number;
            /** @description Credits that could not be taken back: already spent */
            credit_shortfall: number;
            /** Format: date-time */
            applied_at: string | null;
            /** Format: date-time */
            created_at: string;
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      502: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json). Temporarily unavailable: `database_unavailable` (the database cannot be reached; nothing was charged), `service_unavailable` (the server is shutting down), or on metered routes the AI provider's rate limit. Retry after `Retry-After` seconds. */
      503: {
        headers: {
          /** @description Seconds to wait before retrying */
          "Retry-After"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
    };
  };
  confirmOrder: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            /** Format: uuid */
            id: string;
            status:
              | "pending"
              | "paid"
              | "fulfilled"
              | "canceled"
              | "expired"
              | "failed"
              | "refunded"
              | "partially_refunded";
            /** @description The product's kind; null for a billing period */
            kind: string | null;
            description: string;
            /** Format: uuid */
            product_id: string | null;
            /** Format: uuid */
            price_id: string | null;
            /** Format: uuid */
            billing_period_id: string | null;
            quantity: number;
            amount_cents: number;
            currency: string;
            /** @description Credits the order grants when paid */
            credit_amount: number | null;
            provider: string;
            paid_amount_cents: number | null;
            refunded_cents: number;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            paid_at: string | null;
            /** Format: date-time */
            fulfilled_at: string | null;
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json). Temporarily unavailable: `database_unavailable` (the database cannot be reached; nothing was charged), `service_unavailable` (the server is shutting down), or on metered routes the AI provider's rate limit. Retry after `Retry-After` seconds. */
      503: {
        headers: {
          /** @description Seconds to wait before retrying */
          "Retry-After"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
    };
  };
  listProductAssets: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            results: {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              product_id: string;
              /** @description The name buyers download it under */
              filename: string;
              content_type: string;
              size_bytes: number;
              /** @description Hex SHA-256 of the bytes */
              sha256: string;
              /** Format: uuid */
              uploaded_by: string | null;
              /** Format: date-time */
              created_at: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json). Temporarily unavailable: `database_unavailable` (the database cannot be reached; nothing was charged), `service_unavailable` (the server is shutting down), or on metered routes the AI provider's rate limit. Retry after `Retry-After` seconds. */
      503: {
        headers: {
          /** @description Seconds to wait before retrying */
          "Retry-After"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
    };
  };
  uploadProductAsset: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "multipart/form-data": {
          /**
           * Format: binary
           * @description The file; its name and type are what buyers get
           */
          file: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            product_id: string;
            /** @description The name buyers download it under */
            filename: string;
            content_type: string;
            size_bytes: number;
            /** @description Hex SHA-256 of the bytes */
            sha256: string;
            /** Format: uuid */
            uploaded_by: string | null;
            /** Format: date-time */
            created_at: string;
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json). Temporarily unavailable: `database_unavailable` (the database cannot be reached; nothing was charged), `service_unavailable` (the server is shutting down), or on metered routes the AI provider's rate limit. Retry after `Retry-After` seconds. */
      503: {
        headers: {
          /** @description Seconds to wait before retrying */
          "Retry-After"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
    };
  };
  listDownloads: {
    parameters: {
      query?: {
        /** @description 1-based page number */
        page?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            count: number;
            next: string | null;
            previous: string | null;
            results: {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              order_id: string;
              filename: string;
              max_downloads: number;
              download_count: number;
              /** @description Downloads left before the grant is used up */
              remaining: number;
              /** Format: date-time */
              expires_at: string;
              /**
               * Format: date-time
               * @description Set by a full refund
               */
              revoked_at: string | null;
              /** Format: date-time */
              last_downloaded_at: string | null;
              /** Format: date-time */
              created_at: string;
              /** @description What was bought (the order's description) */
              description: string;
              content_type: string;
              size_bytes: number;
              /**
               * @description available: GET …/file works; the others answer 410
               * @enum {string}
               */
              state: "available" | "expired" | "exhausted" | "revoked";
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json). Temporarily unavailable: `database_unavailable` (the database cannot be reached; nothing was charged), `service_unavailable` (the server is shutting down), or on metered routes the AI provider's rate limit. Retry after `Retry-After` seconds. */
      503: {
        headers: {
          /** @description Seconds to wait before retrying */
          "Retry-After"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
    };
  };
  downloadFile: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The file, with Content-Disposition: attachment and its own type */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/octet-stream": string;
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      410: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json). Temporarily unavailable: `database_unavailable` (the database cannot be reached; nothing was charged), `service_unavailable` (the server is shutting down), or on metered routes the AI provider's rate limit. Retry after `Retry-After` seconds. */
      503: {
        headers: {
          /** @description Seconds to wait before retrying */
          "Retry-After"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
    };
  };
  listBookings: {
    parameters: {
      query?: {
        /** @description 1-based page number */
        page?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            count: number;
            next: string | null;
            previous: string | null;
            results: {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              order_id: string;
              /** Format: uuid */
              product_id: string;
              /** @description What was bought (the order's description) */
              description: string;
              /**
               * @description requested → confirmed | canceled; confirmed → completed | canceled
               * @enum {string}
               */
              status: "requested" | "confirmed" | "completed" | "canceled";
              /** Format: date-time */
              scheduled_for: string | null;
              /** Format: date-time */
              created_at: string;
              /** Format: date-time */
              updated_at: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json). Temporarily unavailable: `database_unavailable` (the database cannot be reached; nothing was charged), `service_unavailable` (the server is shutting down), or on metered routes the AI provider's rate limit. Retry after `Retry-After` seconds. */
      503: {
        headers: {
          /** @description Seconds to wait before retrying */
          "Retry-After"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
    };
  };
  listAllBookings: {
    parameters: {
      query?: {
        /** @description requested → confirmed | canceled; confirmed → completed | canceled */
        status?: "requested" | "confirmed" | "completed" | "canceled";
        /** @description 1-based page number */
        page?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            count: number;
            next: string | null;
            previous: string | null;
            results: {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              order_id: string;
              /** Format: uuid */
              product_id: string;
              /** @description What was bought (the order's description) */
              description: string;
              /**
               * @description requested → confirmed | canceled; confirmed → completed | canceled
               * @enum {string}
               */
              status: "requested" | "confirmed" | "completed" | "canceled";
              /** Format: date-time */
              scheduled_for: string | null;
              /** Format: date-time */
              created_at: string;
              /** Format: date-time */
              updated_at: string;
              /** Format: uuid */
              user_id: string;
              user_email: string;
              /** @description Staff's own note; never shown to the buyer */
              staff_note: string | null;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json). Temporarily unavailable: `database_unavailable` (the database cannot be reached; nothing was charged), `service_unavailable` (the server is shutting down), or on metered routes the AI provider's rate limit. Retry after `Retry-After` seconds. */
      503: {
        headers: {
          /** @description Seconds to wait before retrying */
          "Retry-After"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
    };
  };
  updateBooking: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          /**
           * @description requested → confirmed | canceled; confirmed → completed | canceled
           * @enum {string}
           */
          status?: "requested" | "confirmed" | "completed" | "canceled";
          /**
           * Format: date-time
           * @description The appointment, ISO 8601 with a zone; null clears it
           */
          scheduled_for?: string | null;
          /** @description Staff's own note; never shown to the buyer */
          note?: string | null;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            order_id: string;
            /** Format: uuid */
            product_id: string;
            /** @description What was bought (the order's description) */
            description: string;
            /**
             * @description requested → confirmed | canceled; confirmed → completed | canceled
             * @enum {string}
             */
            status: "requested" | "confirmed" | "completed" | "canceled";
            /** Format: date-time */
            scheduled_for: string | null;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
            /** Format: uuid */
            user_id: string;
            user_email: string;
            /** @description Staff's own note; never shown to the buyer */
            staff_note: string | null;
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json). Temporarily unavailable: `database_unavailable` (the database cannot be reached; nothing was charged), `service_unavailable` (the server is shutting down), or on metered routes the AI provider's rate limit. Retry after `Retry-After` seconds. */
      503: {
        headers: {
          /** @description Seconds to wait before retrying */
          "Retry-After"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
    };
  };
  createSubscriptionCheckout: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          /** Format: uuid */
          price_id: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            subscription: {
              /** Format: uuid */
              id: string;
              plan: {
                /** Format: uuid */
                id: string | null;
                slug: string;
                name: string;
              };
              price: {
                /** Format: uuid */
                id: string;
                unit_amount_cents: number;
                currency: string;
                interval: string;
              };
              provider: string;
              status:
                | "trialing"
                | "active"
                | "past_due"
                | "unpaid"
                | "canceled"
                | "incomplete"
                | "incomplete_expired";
              /** Format: date-time */
              current_period_start: string | null;
              /** Format: date-time */
              current_period_end: string | null;
              cancel_at_period_end: boolean;
              /** Format: date-time */
              canceled_at: string | null;
              /** @description A downgrade's plan, taking effect at current_period_end */
              pending_plan: {
                /** Format: uuid */
                id: string | null;
                slug: string;
                name: string;
              } | null;
              /** Format: uuid */
              pending_price_id: string | null;
              /** Format: date-time */
              synced_at: string;
              /** Format: date-time */
              created_at: string;
            } | null;
            /** Format: uri */
            checkout_url: string;
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      502: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json). Temporarily unavailable: `database_unavailable` (the database cannot be reached; nothing was charged), `service_unavailable` (the server is shutting down), or on metered routes the AI provider's rate limit. Retry after `Retry-After` seconds. */
      503: {
        headers: {
          /** @description Seconds to wait before retrying */
          "Retry-After"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
    };
  };
  listSubscriptions: {
    parameters: {
      query?: {
        /** @description 1-based page number */
        page?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            count: number;
            next: string | null;
            previous: string | null;
            results: {
              /** Format: uuid */
              id: string;
              plan: {
                /** Format: uuid */
                id: string | null;
                slug: string;
                name: string;
              };
              price: {
                /** Format: uuid */
                id: string;
                unit_amount_cents: number;
                currency: string;
                interval: string;
              };
              provider: string;
              status:
                | "trialing"
                | "active"
                | "past_due"
                | "unpaid"
                | "canceled"
                | "incomplete"
                | "incomplete_expired";
              /** Format: date-time */
              current_period_start: string | null;
              /** Format: date-time */
              current_period_end: string | null;
              cancel_at_period_end: boolean;
              /** Format: date-time */
              canceled_at: string | null;
              /** @description A downgrade's plan, taking effect at current_period_end */
              pending_plan: {
                /** Format: uuid */
                id: string | null;
                slug: string;
                name: string;
              } | null;
              /** Format: uuid */
              pending_price_id: string | null;
              /** Format: date-time */
              synced_at: string;
              /** Format: date-time */
              created_at: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json). Temporarily unavailable: `database_unavailable` (the database cannot be reached; nothing was charged), `service_unavailable` (the server is shutting down), or on metered routes the AI provider's rate limit. Retry after `Retry-After` seconds. */
      503: {
        headers: {
          /** @description Seconds to wait before retrying */
          "Retry-After"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
    };
  };
  getSubscriptionStatus: {
    parameters: {
      query?: {
        refresh?: "0" | "1";
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            plan: {
              /** Format: uuid */
              id: string | null;
              slug: string;
              name: string;
            };
            status:
              | (
                  | "trialing"
                  | "active"
                  | "past_due"
                  | "unpaid"
                  | "canceled"
                  | "incomplete"
                  | "incomplete_expired"
                )
              | (never | null);
            /** Format: uuid */
            subscription_id: string | null;
            /** Format: date-time */
            current_period_end: string | null;
            cancel_at_period_end: boolean;
            /** Format: date-time */
            synced_at: string | null;
            freshness: "fresh" | "soft_stale" | "hard_stale";
            message: string | null;
            /** @description The plan whose entitlements apply now (free when hard stale or not subscribed) */
            effective_plan: string;
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      502: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json). Temporarily unavailable: `database_unavailable` (the database cannot be reached; nothing was charged), `service_unavailable` (the server is shutting down), or on metered routes the AI provider's rate limit. Retry after `Retry-After` seconds. */
      503: {
        headers: {
          /** @description Seconds to wait before retrying */
          "Retry-After"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
    };
  };
  getSubscription: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            /** Format: uuid */
            id: string;
            plan: {
              /** Format: uuid */
              id: string | null;
              slug: string;
              name: string;
            };
            price: {
              /** Format: uuid */
              id: string;
              unit_amount_cents: number;
              currency: string;
              interval: string;
            };
            provider: string;
            status:
              | "trialing"
              | "active"
              | "past_due"
              | "unpaid"
              | "canceled"
              | "incomplete"
              | "incomplete_expired";
            /** Format: date-time */
            current_period_start: string | null;
            /** Format: date-time */
            current_period_end: string | null;
            cancel_at_period_end: boolean;
            /** Format: date-time */
            canceled_at: string | null;
            /** @description A downgrade's plan, taking effect at current_period_end */
            pending_plan: {
              /** Format: uuid */
              id: string | null;
              slug: string;
              name: string;
            } | null;
            /** Format: uuid */
            pending_price_id: string | null;
            /** Format: date-time */
            synced_at: string;
            /** Format: date-time */
            created_at: string;
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json). Temporarily unavailable: `database_unavailable` (the database cannot be reached; nothing was charged), `service_unavailable` (the server is shutting down), or on metered routes the AI provider's rate limit. Retry after `Retry-After` seconds. */
      503: {
        headers: {
          /** @description Seconds to wait before retrying */
          "Retry-After"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
    };
  };
  cancelSubscription: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            /** Format: uuid */
            id: string;
            plan: {
              /** Format: uuid */
              id: string | null;
              slug: string;
              name: string;
            };
            price: {
              /** Format: uuid */
              id: string;
              unit_amount_cents: number;
              currency: string;
              interval: string;
            };
            provider: string;
            status:
              | "trialing"
              | "active"
              | "past_due"
              | "unpaid"
              | "canceled"
              | "incomplete"
              | "incomplete_expired";
            /** Format: date-time */
            current_period_start: string | null;
            /** Format: date-time */
            current_period_end: string | null;
            cancel_at_period_end: boolean;
            /** Format: date-time */
            canceled_at: string | null;
            /** @description A downgrade's plan, taking effect at current_period_end */
            pending_plan: {
              /** Format: uuid */
              id: string | null;
              slug: string;
              name: string;
            } | null;
            /** Format: uuid */
            pending_price_id: string | null;
            /** Format: date-time */
            synced_at: string;
            /** Format: date-time */
            created_at: string;
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      502: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json). Temporarily unavailable: `database_unavailable` (the database cannot be reached; nothing was charged), `service_unavailable` (the server is shutting down), or on metered routes the AI provider's rate limit. Retry after `Retry-After` seconds. */
      503: {
        headers: {
          /** @description Seconds to wait before retrying */
          "Retry-After"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
    };
  };
  resumeSubscription: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            /** Format: uuid */
            id: string;
            plan: {
              /** Format: uuid */
              id: string | null;
              slug: string;
              name: string;
            };
            price: {
              /** Format: uuid */
              id: string;
              unit_amount_cents: number;
              currency: string;
              interval: string;
            };
            provider: string;
            status:
              | "trialing"
              | "active"
              | "past_due"
              | "unpaid"
              | "canceled"
              | "incomplete"
              | "incomplete_expired";
            /** Format: date-time */
            current_period_start: string | null;
            /** Format: date-time */
            current_period_end: string | null;
            cancel_at_period_end: boolean;
            /** Format: date-time */
            canceled_at: string | null;
            /** @description A downgrade's plan, taking effect at current_period_end */
            pending_plan: {
              /** Format: uuid */
              id: string | null;
              slug: string;
              name: string;
            } | null;
            /** Format: uuid */
            pending_price_id: string | null;
            /** Format: date-time */
            synced_at: string;
            /** Format: date-time */
            created_at: string;
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      502: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json). Temporarily unavailable: `database_unavailable` (the database cannot be reached; nothing was charged), `service_unavailable` (the server is shutting down), or on metered routes the AI provider's rate limit. Retry after `Retry-After` seconds. */
      503: {
        headers: {
          /** @description Seconds to wait before retrying */
          "Retry-After"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
    };
  };
  changeSubscriptionPlan: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          /** Format: uuid */
          price_id: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            /** Format: uuid */
            id: string;
            plan: {
              /** Format: uuid */
              id: string | null;
              slug: string;
              name: string;
            };
            price: {
              /** Format: uuid */
              id: string;
              unit_amount_cents: number;
              currency: string;
              interval: string;
            };
            provider: string;
            status:
              | "trialing"
              | "active"
              | "past_due"
              | "unpaid"
              | "canceled"
              | "incomplete"
              | "incomplete_expired";
            /** Format: date-time */
            current_period_start: string | null;
            /** Format: date-time */
            current_period_end: string | null;
            cancel_at_period_end: boolean;
            /** Format: date-time */
            canceled_at: string | null;
            /** @description A downgrade's plan, taking effect at current_period_end */
            pending_plan: {
              /** Format: uuid */
              id: string | null;
              slug: string;
              name: string;
            } | null;
            /** Format: uuid */
            pending_price_id: string | null;
            /** Format: date-time */
            synced_at: string;
            /** Format: date-time */
            created_at: string;
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      502: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json). Temporarily unavailable: `database_unavailable` (the database cannot be reached; nothing was charged), `service_unavailable` (the server is shutting down), or on metered routes the AI provider's rate limit. Retry after `Retry-After` seconds. */
      503: {
        headers: {
          /** @description Seconds to wait before retrying */
          "Retry-After"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
    };
  };
  createBillingPortalSession: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            /** Format: uri */
            url: string;
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      502: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json). Temporarily unavailable: `database_unavailable` (the database cannot be reached; nothing was charged), `service_unavailable` (the server is shutting down), or on metered routes the AI provider's rate limit. Retry after `Retry-After` seconds. */
      503: {
        headers: {
          /** @description Seconds to wait before retrying */
          "Retry-After"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
    };
  };
  listAllSubscriptions: {
    parameters: {
      query?: {
        /** @description A subscription or user id, part of the subscriber's email, or a provider subscription or customer id */
        q?: string;
        status?:
          | "trialing"
          | "active"
          | "past_due"
          | "unpaid"
          | "canceled"
          | "incomplete"
          | "incomplete_expired";
        /** @description A plan's slug */
        plan?: string;
        /** @description 1-based page number */
        page?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            count: number;
            next: string | null;
            previous: string | null;
            results: {
              /** Format: uuid */
              id: string;
              plan: {
                /** Format: uuid */
                id: string | null;
                slug: string;
                name: string;
              };
              price: {
                /** Format: uuid */
                id: string;
                unit_amount_cents: number;
                currency: string;
                interval: string;
              };
              provider: string;
              status:
                | "trialing"
                | "active"
                | "past_due"
                | "unpaid"
                | "canceled"
                | "incomplete"
                | "incomplete_expired";
              /** Format: date-time */
              current_period_start: string | null;
              /** Format: date-time */
              current_period_end: string | null;
              cancel_at_period_end: boolean;
              /** Format: date-time */
              canceled_at: string | null;
              /** @description A downgrade's plan, taking effect at current_period_end */
              pending_plan: {
                /** Format: uuid */
                id: string | null;
                slug: string;
                name: string;
              } | null;
              /** Format: uuid */
              pending_price_id: string | null;
              /** Format: date-time */
              synced_at: string;
              /** Format: date-time */
              created_at: string;
              /** Format: uuid */
              user_id: string;
              user_email: string;
              provider_subscription_id: string;
              provider_customer_id: string | null;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json). Temporarily unavailable: `database_unavailable` (the database cannot be reached; nothing was charged), `service_unavailable` (the server is shutting down), or on metered routes the AI provider's rate limit. Retry after `Retry-After` seconds. */
      503: {
        headers: {
          /** @description Seconds to wait before retrying */
          "Retry-After"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
    };
  };
  getSubscriptionDetail: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            subscription: {
              /** Format: uuid */
              id: string;
              plan: {
                /** Format: uuid */
                id: string | null;
                slug: string;
                name: string;
              };
              price: {
                /** Format: uuid */
                id: string;
                unit_amount_cents: number;
                currency: string;
                interval: string;
              };
              provider: string;
              status:
                | "trialing"
                | "active"
                | "past_due"
                | "unpaid"
                | "canceled"
                | "incomplete"
                | "incomplete_expired";
              /** Format: date-time */
              current_period_start: string | null;
              /** Format: date-time */
              current_period_end: string | null;
              cancel_at_period_end: boolean;
              /** Format: date-time */
              canceled_at: string | null;
              /** @description A downgrade's plan, taking effect at current_period_end */
              pending_plan: {
                /** Format: uuid */
                id: string | null;
                slug: string;
                name: string;
              } | null;
              /** Format: uuid */
              pending_price_id: string | null;
              /** Format: date-time */
              synced_at: string;
              /** Format: date-time */
              created_at: string;
              /** Format: uuid */
              user_id: string;
              user_email: string;
              provider_subscription_id: string;
              provider_customer_id: string | null;
            };
            invoices: {
              /** Format: uuid */
              id: string;
              provider_invoice_id: string;
              /** @description paid or payment_failed */
              status: string;
              amount_cents: number;
              currency: string;
              /** Format: date-time */
              period_start: string;
              /** Format: date-time */
              period_end: string;
              /** @description Credits its payment granted */
              credits: number;
              /** Format: date-time */
              paid_at: string | null;
            }[];
            credit_grants: {
              /** Format: uuid */
              id: string;
              /** @description invoice, plan_change (an upgrade's difference) or complimentary (staff) */
              source: string;
              /** @description Credits granted */
              amount: number;
              /** @description Still unspent */
              remaining: number;
              /** @description Expired unspent */
              expired: number;
              /** Format: date-time */
              expires_at: string | null;
              /** Format: date-time */
              created_at: string;
            }[];
            audit: {
              /** Format: uuid */
              id: string;
              /** @description subscriptions.cancel or subscriptions.complimentary_period */
              action: string;
              actor_email: string | null;
              details: {
                [key: string]: unknown;
              };
              /** Format: date-time */
              created_at: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json). Temporarily unavailable: `database_unavailable` (the database cannot be reached; nothing was charged), `service_unavailable` (the server is shutting down), or on metered routes the AI provider's rate limit. Retry after `Retry-After` seconds. */
      503: {
        headers: {
          /** @description Seconds to wait before retrying */
          "Retry-After"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
    };
  };
  staffCancelSubscription: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          at_period_end: boolean;
          reason: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            subscription: {
              /** Format: uuid */
              id: string;
              plan: {
                /** Format: uuid */
                id: string | null;
                slug: string;
                name: string;
              };
              price: {
                /** Format: uuid */
                id: string;
                unit_amount_cents: number;
                currency: string;
                interval: string;
              };
              provider: string;
              status:
                | "trialing"
                | "active"
                | "past_due"
                | "unpaid"
                | "canceled"
                | "incomplete"
                | "incomplete_expired";
              /** Format: date-time */
              current_period_start: string | null;
              /** Format: date-time */
              current_period_end: string | null;
              cancel_at_period_end: boolean;
              /** Format: date-time */
              canceled_at: string | null;
              /** @description A downgrade's plan, taking effect at current_period_end */
              pending_plan: {
                /** Format: uuid */
                id: string | null;
                slug: string;
                name: string;
              } | null;
              /** Format: uuid */
              pending_price_id: string | null;
              /** Format: date-time */
              synced_at: string;
              /** Format: date-time */
              created_at: string;
              /** Format: uuid */
              user_id: string;
              user_email: string;
              provider_subscription_id: string;
              provider_customer_id: string | null;
            };
            invoices: {
              /** Format: uuid */
              id: string;
              provider_invoice_id: string;
              /** @description paid or payment_failed */
              status: string;
              amount_cents: number;
              currency: string;
              /** Format: date-time */
              period_start: string;
              /** Format: date-time */
              period_end: string;
              /** @description Credits its payment granted */
              credits: number;
              /** Format: date-time */
              paid_at: string | null;
            }[];
            credit_grants: {
              /** Format: uuid */
              id: string;
              /** @description invoice, plan_change (an upgrade's difference) or complimentary (staff) */
              source: string;
              /** @description Credits granted */
              amount: number;
              /** @description Still unspent */
              remaining: number;
              /** @description Expired unspent */
              expired: number;
              /** Format: date-time */
              expires_at: string | null;
              /** Format: date-time */
              created_at: string;
            }[];
            audit: {
              /** Format: uuid */
              id: string;
              /** @description subscriptions.cancel or subscriptions.complimentary_period */
              action: string;
              actor_email: string | null;
              details: {
                [key: string]: unknown;
              };
              /** Format: date-time */
              created_at: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      502: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json). Temporarily unavailable: `database_unavailable` (the database cannot be reached; nothing was charged), `service_unavailable` (the server is shutting down), or on metered routes the AI provider's rate limit. Retry after `Retry-After` seconds. */
      503: {
        headers: {
          /** @description Seconds to wait before retrying */
          "Retry-After"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
    };
  };
  grantComplimentaryPeriod: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          reason: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            subscription: {
              /** Format: uuid */
              id: string;
              plan: {
                /** Format: uuid */
                id: string | null;
                slug: string;
                name: string;
              };
              price: {
                /** Format: uuid */
                id: string;
                unit_amount_cents: number;
                currency: string;
                interval: string;
              };
              provider: string;
              status:
                | "trialing"
                | "active"
                | "past_due"
                | "unpaid"
                | "canceled"
                | "incomplete"
                | "incomplete_expired";
              /** Format: date-time */
              current_period_start: string | null;
              /** Format: date-time */
              current_period_end: string | null;
              cancel_at_period_end: boolean;
              /** Format: date-time */
              canceled_at: string | null;
              /** @description A downgrade's plan, taking effect at current_period_end */
              pending_plan: {
                /** Format: uuid */
                id: string | null;
                slug: string;
                name: string;
              } | null;
              /** Format: uuid */
              pending_price_id: string | null;
              /** Format: date-time */
              synced_at: string;
              /** Format: date-time */
              created_at: string;
              /** Format: uuid */
              user_id: string;
              user_email: string;
              provider_subscription_id: string;
              provider_customer_id: string | null;
            };
            invoices: {
              /** Format: uuid */
              id: string;
              provider_invoice_id: string;
              /** @description paid or payment_failed */
              status: string;
              amount_cents: number;
              currency: string;
              /** Format: date-time */
              period_start: string;
              /** Format: date-time */
              period_end: string;
              /** @description Credits its payment granted */
              credits: number;
              /** Format: date-time */
              paid_at: string | null;
            }[];
            credit_grants: {
              /** Format: uuid */
              id: string;
              /** @description invoice, plan_change (an upgrade's difference) or complimentary (staff) */
              source: string;
              /** @description Credits granted */
              amount: number;
              /** @description Still unspent */
              remaining: number;
              /** @description Expired unspent */
              expired: number;
              /** Format: date-time */
              expires_at: string | null;
              /** Format: date-time */
              created_at: string;
            }[];
            audit: {
              /** Format: uuid */
              id: string;
              /** @description subscriptions.cancel or subscriptions.complimentary_period */
              action: string;
              actor_email: string | null;
              details: {
                [key: string]: unknown;
              };
              /** Format: date-time */
              created_at: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json). Temporarily unavailable: `database_unavailable` (the database cannot be reached; nothing was charged), `service_unavailable` (the server is shutting down), or on metered routes the AI provider's rate limit. Retry after `Retry-After` seconds. */
      503: {
        headers: {
          /** @description Seconds to wait before retrying */
          "Retry-After"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
    };
  };
  getEntitlements: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            plan: {
              /** Format: uuid */
              id: string | null;
              slug: string;
              name: string;
            };
            feature_keys: string[];
            /** @description The effective plan's limits; null is unlimited */
            limits: {
              /** @description Tokens of reporting services per period; null is unlimited */
              tokens_per_month: number | null;
              /** @description Stored and shown; enforced when posts arrive */
              posts_per_month: number | null;
              /** @description Stored and shown; enforced when workspaces arrive */
              workspaces: number | null;
              /** @description Stored and shown; enforced when members arrive */
              members: number | null;
              /** @description Per API token on the metered endpoints: the plan's, else RATE_LIMIT_SOLVE's count when its window is a minute (null when it is another window: see rate_limit) */
              requests_per_minute: number | null;
            };
            /** @description What /api/core/solve and /api/services/{name}/run allow per API token */
            rate_limit: {
              /** @description RATE_LIMIT_ENABLED: false limits nothing */
              enabled: boolean;
              max: number;
              window_seconds: number;
            };
            /** @description Since the period's start: the subscription's current period on a paid plan, the UTC calendar month (the billing period) on Free */
            usage_this_period: {
              /** Format: date-time */
              period_start: string;
              /** Format: date-time */
              period_end: string;
              /** @description Tokens the reporting services used */
              tokens: number;
              /** @description Successful metered calls */
              requests: number;
              /** @description Always 0: posts do not exist yet */
              posts: number;
              /** @description Always 0: workspaces do not exist yet */
              workspaces: number;
              /** @description Always 1: the account holder */
              members: number;
            };
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json). Temporarily unavailable: `database_unavailable` (the database cannot be reached; nothing was charged), `service_unavailable` (the server is shutting down), or on metered routes the AI provider's rate limit. Retry after `Retry-After` seconds. */
      503: {
        headers: {
          /** @description Seconds to wait before retrying */
          "Retry-After"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
    };
  };
  stripeWebhook: {
    parameters: {
      query?: never;
      header?: {
        "stripe-signature"?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            /** @enum {boolean} */
            received: true;
            outcome: string;
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json) */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
      /** @description RFC 9457 problem details (application/problem+json). Temporarily unavailable: `database_unavailable` (the database cannot be reached; nothing was charged), `service_unavailable` (the server is shutting down), or on metered routes the AI provider's rate limit. Retry after `Retry-After` seconds. */
      503: {
        headers: {
          /** @description Seconds to wait before retrying */
          "Retry-After"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": {
            /** @description URI naming the problem type */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Machine-readable error code */
            code: string;
            /** Format: uuid */
            request_id: string;
            errors?: {
              field: string;
              code: string;
              message: string;
            }[];
          };
        };
      };
    };
  };
}
