import { WarningCallout } from "nhsuk-react-components";

/** Said on every national view: these figures describe adoption, they do not rank trusts. */
export function LeagueTableCaveat() {
  return (
    <WarningCallout>
      <WarningCallout.Heading>Not a league table</WarningCallout.Heading>
      <p>
        These figures show how far trusts have adopted EPR functionality, self-assessed and validated against
        the national framework. They are distributions, not scores: trusts differ in type, size, starting
        point and supplier, and a lower tier is not worse care. Do not rank trusts by them.
      </p>
    </WarningCallout>
  );
}
