package org.outreachcrm.duplicates.web;

import java.security.Principal;
import java.util.List;
import java.util.Map;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.outreachcrm.directory.MergeKind;
import org.outreachcrm.duplicates.DuplicatePairs;
import org.outreachcrm.duplicates.DuplicateScans;
import org.outreachcrm.duplicates.ScanSummary;
import org.outreachcrm.shared.web.PageController;

import org.springframework.data.domain.PageRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.WebInvocationPrivilegeEvaluator;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The review queue: open pairs best first, both records side by side, a link to the merge
 * page and "not a duplicate", within the viewer's country scope; above it the latest full
 * scans of each kind and "scan now".
 */
@PageController
@RequestMapping("/duplicates")
class DuplicatePageController {

	private static final int PAGE_SIZE = 20;

	private static final String API_SCANS = "/api/duplicates/scans";

	/** How many of each kind's latest scans the page lists. */
	static final int SCANS_PER_KIND = 3;

	private final DuplicatePairs pairs;

	private final DuplicateScans scans;

	private final WebInvocationPrivilegeEvaluator privileges;

	DuplicatePageController(DuplicatePairs pairs, DuplicateScans scans, WebInvocationPrivilegeEvaluator privileges) {
		this.pairs = pairs;
		this.scans = scans;
		this.privileges = privileges;
	}

	@GetMapping
	String queue(@RequestParam(defaultValue = "ORGANIZATION") MergeKind kind,
			@RequestParam(defaultValue = "0") int page,
			@RequestParam(name = "import", required = false) @Nullable Long importId, HttpServletRequest request,
			Authentication authentication, Model model) {
		int number = Math.max(0, Math.min(page, 10_000));
		model.addAttribute("kind", kind);
		model.addAttribute("kinds", MergeKind.values());
		// from an import's page: only the pairs that import found
		model.addAttribute("importId", importId);
		model.addAttribute("pairs", this.pairs.review(kind, importId, PageRequest.of(number, PAGE_SIZE)));
		model.addAttribute("mergePath", (kind == MergeKind.ORGANIZATION) ? "organizations" : "contacts");
		scans(model, request, authentication);
		return "duplicates/queue";
	}

	/** The scans panel alone: the page asks for it again while a scan is active. */
	@GetMapping("/scans")
	String scansPanel(HttpServletRequest request, Authentication authentication, Model model) {
		scans(model, request, authentication);
		return "duplicates/queue :: scans";
	}

	/**
	 * "Scan now": allowed to whoever the API lets start a scan, by the API's own rule, so
	 * that the page and {@code POST /api/duplicates/scans} cannot disagree.
	 */
	@PostMapping("/scans")
	String scan(@RequestParam MergeKind kind, HttpServletRequest request, Authentication authentication,
			RedirectAttributes redirect) {
		if (!mayScan(request, authentication)) {
			throw new AccessDeniedException("May not start a duplicate scan");
		}
		this.scans.request(kind, authentication.getName());
		redirect.addFlashAttribute("flash", "duplicates.scans.requested");
		return "redirect:/duplicates?kind=" + kind.name();
	}

	private void scans(Model model, HttpServletRequest request, Authentication authentication) {
		Map<MergeKind, List<ScanSummary>> latest = this.scans.latest(SCANS_PER_KIND);
		model.addAttribute("scans", latest);
		model.addAttribute("scanActive", latest.values().stream().flatMap(List::stream).anyMatch(ScanSummary::active));
		model.addAttribute("mayScan", mayScan(request, authentication));
	}

	private boolean mayScan(HttpServletRequest request, Authentication authentication) {
		return this.privileges.isAllowed(request.getContextPath(), API_SCANS, "POST", authentication);
	}

	@PostMapping("/{id}/dismiss")
	Object dismiss(@PathVariable long id, @RequestParam(defaultValue = "ORGANIZATION") MergeKind kind,
			Principal principal, HtmxRequest htmx, RedirectAttributes redirect) {
		this.pairs.dismiss(id, principal.getName());
		if (htmx.isHtmxRequest()) {
			// the row is replaced by nothing
			return ResponseEntity.ok("");
		}
		redirect.addFlashAttribute("flash", "duplicates.dismissed");
		return "redirect:/duplicates?kind=" + kind.name();
	}

}
