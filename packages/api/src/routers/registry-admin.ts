import { access } from "@realise/domain";
import {
  RegistryAdminAddSupplierInput,
  RegistryAdminDeletePeerGroupSetInput,
  RegistryAdminOrganisationInput,
  RegistryAdminPeerGroupSetInput,
  RegistryAdminSavePeerGroupSetInput,
  RegistryAdminSetIcbMembershipsInput,
  RegistryAdminUpdateEprInput,
} from "../contracts/registry.js";
import {
  addEprSupplier,
  deletePeerGroupSet,
  listIcbs,
  listPeerGroupSets,
  organisationForEditing,
  peerGroupSet,
  savePeerGroupSet,
  setIcbMemberships,
  updateOrganisationEpr,
} from "../services/registry/index.js";
import { procedure, router } from "../trpc.js";

export const registryAdminRouter = router({
  /** One trust for editing: registry fields, ICB history, peer groups and recent changes. */
  organisation: procedure(access.nationalRead)
    .input(RegistryAdminOrganisationInput)
    .query(({ ctx, input }) => organisationForEditing(ctx.database.db, input)),

  /** Every ICB with its validity dates (ICBs merge), for the membership editor. */
  icbs: procedure(access.nationalRead).query(({ ctx }) => listIcbs(ctx.database.db)),

  /** A trust's EPR status, supplier and product. */
  updateEpr: procedure(access.nationalAdmin)
    .input(RegistryAdminUpdateEprInput)
    .mutation(({ ctx, input }) => updateOrganisationEpr(ctx.database.db, input, ctx.principal)),

  /** Add a supplier to the registry's list. */
  addSupplier: procedure(access.nationalAdmin)
    .input(RegistryAdminAddSupplierInput)
    .mutation(({ ctx, input }) => addEprSupplier(ctx.database.db, input, ctx.principal)),

  /** Replace a trust's ICB membership history; no overlaps, inside each ICB's own dates. */
  setIcbMemberships: procedure(access.nationalAdmin)
    .input(RegistryAdminSetIcbMembershipsInput)
    .mutation(({ ctx, input }) => setIcbMemberships(ctx.database.db, input, ctx.principal)),

  /** Peer group sets with their group and member counts. */
  peerGroupSets: procedure(access.nationalRead).query(({ ctx }) => listPeerGroupSets(ctx.database.db)),

  /** One peer group set with its groups and members. */
  peerGroupSet: procedure(access.nationalRead)
    .input(RegistryAdminPeerGroupSetInput)
    .query(({ ctx, input }) => peerGroupSet(ctx.database.db, input)),

  /** Create (expectedVersion 0) or replace a peer group set; a trust sits in one group per set. */
  savePeerGroupSet: procedure(access.nationalAdmin)
    .input(RegistryAdminSavePeerGroupSetInput)
    .mutation(({ ctx, input }) => savePeerGroupSet(ctx.database.db, input, ctx.principal)),

  deletePeerGroupSet: procedure(access.nationalAdmin)
    .input(RegistryAdminDeletePeerGroupSetInput)
    .mutation(({ ctx, input }) => deletePeerGroupSet(ctx.database.db, input, ctx.principal)),
});
