package io.didplatform.packages.query;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

import java.util.List;

interface ClientPackageViewRepository extends JpaRepository<ClientPackageView, String>,
        JpaSpecificationExecutor<ClientPackageView> {
    List<ClientPackageView> findByPackageIdAndStatusNot(String packageId, ClientPackageStatus status);
}
