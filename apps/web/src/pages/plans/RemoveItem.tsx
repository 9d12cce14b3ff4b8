import type { RouterOutputs } from "@realise/api";
import { formatDate, useTRPC } from "@realise/ui";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Button, WarningCallout } from "nhsuk-react-components";
import { useEffect, useRef } from "react";

type PlanRow = RouterOutputs["plans"]["list"]["items"][number];

/** Confirm, then remove a plan item at the version read; the plan's history keeps it. */
export function RemoveItem({
  odsCode,
  item,
  name,
  onDone,
}: {
  odsCode: string;
  item: PlanRow;
  name: string;
  onDone: (message: string | null) => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const step = `${item.functionalityCode} ${name} to L${item.targetLevel} by ${formatDate(item.targetDate)}`;
  const remove = useMutation(
    trpc.plans.removeItem.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries();
        onDone(`The plan item ${step} was removed. The plan's history keeps it.`);
      },
      onError: () => void queryClient.invalidateQueries(),
    }),
  );
  return (
    <WarningCallout>
      <h2 className="nhsuk-warning-callout__label" tabIndex={-1} ref={heading}>
        <span className="nhsuk-u-visually-hidden">Important: </span>Remove this plan item?
      </h2>
      <p>{step}. It leaves the plan and the forecast; the plan's history keeps a record of it.</p>
      {remove.error && (
        <p className="nhsuk-error-message" role="alert">
          The item was not removed: {remove.error.message}
        </p>
      )}
      <div className="nhsuk-button-group">
        <Button
          type="button"
          warning
          disabled={remove.isPending}
          onClick={() => remove.mutate({ odsCode, id: item.id, expectedVersion: item.version })}
        >
          Yes, remove it
        </Button>
        <Button type="button" secondary onClick={() => onDone(null)}>
          Cancel
        </Button>
      </div>
    </WarningCallout>
  );
}
