import { Loading } from "@realise/ui";
import { BackLink } from "nhsuk-react-components";
import type { ReactNode } from "react";
import { Link, useParams } from "react-router";
import { canEdit, useMe } from "../../session";

/**
 * A page that changes the register, for the trust's editors and approver only; anyone else reaching it by
 * its address is told so, with the way back, instead of a form that would be refused.
 */
export function EditorsOnly({ children }: { children: ReactNode }) {
  const { odsCode = "" } = useParams();
  const me = useMe();
  if (me.isPending) return <Loading what="the page" />;
  if (canEdit(me.data ?? null, odsCode)) return <>{children}</>;
  return (
    <>
      <BackLink asElement={Link} to={`/trusts/${odsCode}/benefits`}>
        Benefits register
      </BackLink>
      <h1>You cannot change this register</h1>
      <p>
        Only {odsCode}'s editors and approver can add or change benefits and import actuals. Ask one of them,
        or your trust's approver for the editor role.
      </p>
      <p>
        <Link to={`/trusts/${odsCode}/benefits`}>Go back to the benefits register</Link>
      </p>
    </>
  );
}
