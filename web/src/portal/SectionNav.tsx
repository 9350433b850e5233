import { Button, Group } from "@mantine/core";
import { Link } from "react-router";

export interface Section {
  readonly to: string;
  readonly label: string;
}

/** The row of links between the pages of one signed-in area (/app or /account). */
export function SectionNav({
  label,
  sections,
  current,
}: {
  label: string;
  sections: readonly Section[];
  current: string | undefined;
}) {
  return (
    <Group component="nav" aria-label={label} gap="xs" mb="lg">
      {sections.map((section) => (
        <Button
          key={section.to}
          component={Link}
          to={section.to}
          size="sm"
          variant={current === section.to ? "light" : "subtle"}
          aria-current={current === section.to ? "page" : undefined}
        >
          {section.label}
        </Button>
      ))}
    </Group>
  );
}
