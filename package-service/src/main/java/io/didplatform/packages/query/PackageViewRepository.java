package io.didplatform.packages.query;

import io.didplatform.contracts.packages.PackageStatus;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface PackageViewRepository extends JpaRepository<PackageView, String> {
    Page<PackageView> findByStatus(PackageStatus status, Pageable pageable);

    Page<PackageView> findByNameContainingIgnoreCase(String text, Pageable pageable);

    Page<PackageView> findByStatusAndNameContainingIgnoreCase(PackageStatus status, String text, Pageable pageable);
}
