package org.rapporteur.initiative;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.rapporteur.account.AccountService;
import org.rapporteur.contribution.ContributionService;
import org.rapporteur.initiative.ProjectParts.Expenditure;
import org.rapporteur.initiative.ProjectParts.ProjectPartner;
import org.rapporteur.meeting.MeetingService;
import org.rapporteur.platform.errors.FieldError;
import org.rapporteur.platform.errors.InvalidInputException;
import org.rapporteur.workspace.Region;
import org.rapporteur.workspace.WorkspaceService;

/**
 * The checks on a project that need the database: the initiatives, partners, documents, groups,
 * meetings, managers and source project it names exist; its initiatives are of one region unless
 * it says {@code crossRegion}; every amount has an exchange rate for its month. All problems are
 * reported at once, before anything is stored. Answers the project's region.
 */
final class ProjectChecks {
  private final InitiativeService initiatives;
  private final PartnerService partners;
  private final ExchangeRateService rates;
  private final ContributionService contributions;
  private final MeetingService meetings;
  private final WorkspaceService workspaces;
  private final AccountService accounts;
  private final ProjectStore projects;

  ProjectChecks(InitiativeService initiatives, PartnerService partners, ExchangeRateService rates,
      ContributionService contributions, MeetingService meetings, WorkspaceService workspaces,
      AccountService accounts, ProjectStore projects) {
    this.initiatives = initiatives;
    this.partners = partners;
    this.rates = rates;
    this.contributions = contributions;
    this.meetings = meetings;
    this.workspaces = workspaces;
    this.accounts = accounts;
    this.projects = projects;
  }

  /** Everything but the project store, which the project service owns. */
  record Factory(InitiativeService initiatives, PartnerService partners, ExchangeRateService rates,
      ContributionService contributions, MeetingService meetings, WorkspaceService workspaces,
      AccountService accounts) {
    ProjectChecks build(ProjectStore projects) {
      return new ProjectChecks(initiatives, partners, rates, contributions, meetings, workspaces, accounts, projects);
    }
  }

  Future<Region> check(Project p) {
    List<FieldError> errors = new ArrayList<>();
    Future<Region> region = initiatives.findAll(p.initiativeIds()).map(found -> region(p, found, errors));
    Future<Void> partnersKnown = partners.findAll(p.partners().stream().map(ProjectPartner::partnerId).toList())
        .map(found -> {
          Set<String> ids = found.stream().map(PartnerOrganization::id).collect(Collectors.toSet());
          for (int i = 0; i < p.partners().size(); i++) {
            if (!ids.contains(p.partners().get(i).partnerId())) {
              errors.add(new FieldError("partners[" + i + "].partnerId", "names no partner organization"));
            }
          }
          return null;
        });
    Future<Void> money = rates.snapshot().map(snapshot -> {
      money(p, snapshot, errors);
      return null;
    });
    Future<Void> documents = exist(p.contributionIds(), "contributionIds", id -> contributions.summary(id), errors);
    Future<Void> groups = exist(p.groupIds(), "groupIds", workspaces::findGroup, errors);
    Future<Void> meetingsKnown = exist(p.meetingIds(), "meetingIds", meetings::find, errors);
    Future<Void> managers = exist(p.managers(), "managers", id -> accounts.requireUser(id).map(Optional::of)
        .otherwise(Optional.empty()), errors);
    Future<Void> source = p.replicatedFrom() == null ? Future.succeededFuture()
        : projects.find(p.replicatedFrom()).map(found -> {
          if (found.isEmpty() || p.replicatedFrom().equals(p.id())) {
            errors.add(new FieldError("replicatedFrom", "names no other project"));
          }
          return null;
        });
    return Future.all(List.of(region, partnersKnown, money, documents, groups, meetingsKnown, managers, source))
        .map(all -> {
          if (!errors.isEmpty()) {
            errors.sort(java.util.Comparator.comparing(FieldError::field));
            throw new InvalidInputException(errors);
          }
          return region.result();
        });
  }

  private static Region region(Project p, List<RegionalInitiative> found, List<FieldError> errors) {
    Region first = null;
    for (int i = 0; i < p.initiativeIds().size(); i++) {
      String id = p.initiativeIds().get(i);
      Optional<RegionalInitiative> initiative = found.stream().filter(f -> f.id().equals(id)).findFirst();
      if (initiative.isEmpty()) {
        errors.add(new FieldError("initiativeIds[" + i + "]", "names no initiative"));
      } else if (first == null) {
        first = initiative.get().region();
      } else if (initiative.get().region() != first && !p.crossRegion()) {
        errors.add(new FieldError("initiativeIds[" + i + "]", "is an initiative of " + initiative.get().region().wire()
            + ", not " + first.wire() + "; set crossRegion to true to work under another region's initiative"));
      }
    }
    return first;
  }

  private static void money(Project p, ExchangeRates snapshot, List<FieldError> errors) {
    if (p.budget() != null && snapshot.toUsd(p.budget()).isEmpty()) {
      errors.add(noRate("budget.currency", p.budget()));
    }
    for (int i = 0; i < p.partners().size(); i++) {
      List<ProjectParts.Received> received = p.partners().get(i).contributions();
      for (int j = 0; j < received.size(); j++) {
        if (snapshot.toUsd(received.get(j).money()).isEmpty()) {
          errors.add(noRate("partners[" + i + "].contributions[" + j + "].currency", received.get(j).money()));
        }
      }
    }
    for (int i = 0; i < p.expenditure().size(); i++) {
      Expenditure e = p.expenditure().get(i);
      if (snapshot.toUsdForYear(e.amount(), e.currency(), e.year()).isEmpty()) {
        errors.add(new FieldError("expenditure[" + i + "].currency", "has no exchange rate to USD in any month of "
            + e.year()));
      }
    }
  }

  private static FieldError noRate(String field, Money money) {
    return new FieldError(field, "has no exchange rate to USD for " + money.month());
  }

  private static <T> Future<Void> exist(List<String> ids, String field, Function<String, Future<Optional<T>>> find,
      List<FieldError> errors) {
    List<Future<Optional<T>>> lookups = ids.stream().map(find).toList();
    return Future.all(lookups).map(all -> {
      for (int i = 0; i < ids.size(); i++) {
        if (lookups.get(i).result().isEmpty()) {
          errors.add(new FieldError(field + "[" + i + "]", "names nothing that exists"));
        }
      }
      return null;
    });
  }
}
