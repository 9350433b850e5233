import { describe, expect, it } from "vitest";
import { attachmentDisposition, cleanContentType, cleanFilename } from "./asset-files.js";

describe("a digital product file's name and type", () => {
  it("keeps the last path segment of a name, without control or bidi characters", () => {
    expect(cleanFilename("C:\\Users\\me\\report.pdf")).toBe("report.pdf");
    expect(cleanFilename("../../etc/passwd")).toBe("passwd");
    expect(cleanFilename("in\u0000voice\r\n.pdf")).toBe("invoice.pdf");
    // U+202E would show "invoice‮fdp.exe" as "invoiceexe.pdf".
    expect(cleanFilename("invoice\u202efdp.exe")).toBe("invoicefdp.exe");
    expect(cleanFilename("Ünïcode 📄.txt")).toBe("Ünïcode 📄.txt");
  });

  it("names a file without a usable name 'download', and keeps at most 200 characters", () => {
    for (const name of [undefined, "", "   ", "..", "dir/", "\u0007"]) {
      expect(cleanFilename(name)).toBe("download");
    }
    const long = cleanFilename(`${"📄".repeat(250)}.pdf`);
    expect(Array.from(long)).toHaveLength(200);
    expect(long.isWellFormed()).toBe(true);
  });

  it("keeps a bare media type and falls back to application/octet-stream", () => {
    expect(cleanContentType("Application/PDF; charset=binary")).toBe("application/pdf");
    expect(cleanContentType("text/html\r\nX-Evil: 1")).toBe("application/octet-stream");
    expect(cleanContentType("not a type")).toBe("application/octet-stream");
    expect(cleanContentType(undefined)).toBe("application/octet-stream");
  });

  it("writes Content-Disposition as an attachment with an ASCII fallback and the exact UTF-8 name", () => {
    expect(attachmentDisposition("report.pdf")).toBe(
      `attachment; filename="report.pdf"; filename*=UTF-8''report.pdf`,
    );
    expect(attachmentDisposition(`a "quoted" \\ 100%.txt`)).toBe(
      `attachment; filename="a _quoted_ _ 100_.txt"; ` +
        "filename*=UTF-8''a%20%22quoted%22%20%5C%20100%25.txt",
    );
    expect(attachmentDisposition("it's (1)*.txt")).toBe(
      `attachment; filename="it's (1)*.txt"; filename*=UTF-8''it%27s%20%281%29%2A.txt`,
    );
    expect(attachmentDisposition("résumé.pdf")).toBe(
      `attachment; filename="r_sum_.pdf"; filename*=UTF-8''r%C3%A9sum%C3%A9.pdf`,
    );
  });
});
