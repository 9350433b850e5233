import { Button, Code, CopyButton, Group, Stack } from "@mantine/core";

/** A value to paste elsewhere (a token, a command), with a button that copies it. */
export function CopyCode({ value, label }: { value: string; label: string }) {
  return (
    <Stack gap={6}>
      <Code block style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }} aria-label={label}>
        {value}
      </Code>
      <Group>
        <CopyButton value={value}>
          {({ copied, copy }) => (
            <Button
              size="xs"
              variant={copied ? "filled" : "light"}
              color={copied ? "teal" : undefined}
              onClick={copy}
            >
              {copied ? "Copied" : `Copy ${label.toLowerCase()}`}
            </Button>
          )}
        </CopyButton>
      </Group>
    </Stack>
  );
}
